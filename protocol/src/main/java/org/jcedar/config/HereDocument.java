package org.jcedar.config;

/**
 * A multi-line value being collected: {@code NAME @= TAG} starts it, the following lines are its value (joined
 * with newlines; comment and blank lines are dropped, as the reader drops them), and a line {@code @TAG} ends it.
 */
final class HereDocument {
    private final String name;
    private final String tag;
    private final int startLine;
    private final StringBuilder value = new StringBuilder();

    HereDocument(String name, String tag, int startLine) {
        this.name = name;
        this.tag = tag;
        this.startLine = startLine;
    }

    /** Whether {@code line} is the closing {@code @TAG} (exact, case-sensitive). */
    boolean isClosedBy(String line) {
        return line.startsWith("@") && line.substring(1).equals(tag);
    }

    void append(String line) {
        if (value.length() > 0) {
            value.append('\n');
        }
        value.append(line);
    }

    String name() {
        return name;
    }

    String tag() {
        return tag;
    }

    int startLine() {
        return startLine;
    }

    String value() {
        return value.toString();
    }
}
