package org.jcedar.classad;

/**
 * Text that is not a valid old-syntax ClassAd expression or {@code Name = expression} entry. Says what was
 * expected and where: the character position in the text handed to the parser and, for multi-line input,
 * the 1-based line.
 */
public class ClassAdSyntaxException extends Exception {
    private final int position;
    private final int line;

    public ClassAdSyntaxException(String message, int position) {
        super(message + " (at position " + position + ")");
        this.position = position;
        this.line = 0;
    }

    ClassAdSyntaxException(ClassAdSyntaxException onLine, int line) {
        super("line " + line + ": " + onLine.getMessage(), onLine);
        this.position = onLine.position;
        this.line = line;
    }

    /** The character position of the error in the expression or line. */
    public int position() {
        return position;
    }

    /** The 1-based line of the error for multi-line input, else 0. */
    public int line() {
        return line;
    }
}
