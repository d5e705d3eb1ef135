package org.jcedar.address;

/**
 * A sinful address (or shared-port request) that HTCondor would not accept, or from which no connection can be
 * made. Says what was wrong and where: the character position in the text, or -1 when the whole address is
 * at fault (no usable address for this client).
 */
public class AddressException extends Exception {
    private final int position;

    public AddressException(String message, String text, int position) {
        super(message + (position >= 0 ? " at position " + position : "") + " in \"" + text + "\"");
        this.position = position;
    }

    /** Character position in the text, or -1 when the error concerns the address as a whole. */
    public int position() {
        return position;
    }
}
