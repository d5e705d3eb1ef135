package org.jcedar.config;

/**
 * Splits configuration text into logical lines the way HTCondor's config reader does. Each physical line loses
 * its leading and trailing white space; a line ending in a backslash continues onto the next one (the
 * backslash is dropped, the white space before it kept). Comment lines inside a continuation normally stand for
 * their last character only (so a commented-out line ending in a backslash keeps the continuation going), and
 * a comment line that starts a logical line does not continue; {@code #opt:oldcomment} turns both rules off.
 * A last line without a newline is taken exactly as it is: not trimmed and not continued.
 */
final class LogicalLineReader {
    private final String text;
    private int pos;
    private int physicalLine;
    private int firstLineOfLogical;
    private boolean newCommentRules = true;

    LogicalLineReader(String text) {
        this.text = text;
    }

    /** Selects the comment rules: {@code true} for the current ones, {@code false} for {@code #opt:oldcomment}. */
    void useNewCommentRules(boolean enabled) {
        this.newCommentRules = enabled;
    }

    /** The 1-based physical line on which the last logical line returned starts. */
    int lineNumber() {
        return firstLineOfLogical;
    }

    /** The next logical line, or null at the end of the text. */
    String next() {
        if (pos >= text.length()) {
            return null;
        }
        firstLineOfLogical = physicalLine + 1;
        StringBuilder buf = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                return buf.length() == 0 ? null : buf.toString();
            }
            int newline = text.indexOf('\n', pos);
            if (newline < 0) {
                // HTCondor's reader hands an unterminated last line over untouched.
                buf.append(text, pos, text.length());
                pos = text.length();
                return buf.toString();
            }
            int lineStart = buf.length();
            buf.append(text, pos, newline);
            pos = newline + 1;
            physicalLine++;

            int end = buf.length();
            while (end > lineStart && Ascii.isSpace(buf.charAt(end - 1))) {
                end--;
            }
            buf.setLength(end);
            int first = lineStart;
            while (first < end && Ascii.isSpace(buf.charAt(first))) {
                first++;
            }
            boolean inComment = first < end && buf.charAt(first) == '#';
            if (inComment && lineStart > 0 && newCommentRules) {
                first = end - 1; // a comment inside a continuation stands for its last character
                inComment = false;
            }
            buf.delete(lineStart, first);

            if (buf.length() > 0 && buf.charAt(buf.length() - 1) == '\\') {
                buf.setLength(buf.length() - 1);
                if (!inComment || !newCommentRules) {
                    continue;
                }
            }
            return buf.toString();
        }
    }
}
