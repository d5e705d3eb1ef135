package org.jcedar.keys;

/**
 * HTCondor's on-disk obfuscation of signing-key files: byte i is XOR-ed with {@code DE AD BE EF}[i mod 4]
 * (30 §1.2). The operation is its own inverse, so the same method scrambles and unscrambles.
 */
public final class KeyFileScrambler {
    private static final byte[] PATTERN = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};

    private KeyFileScrambler() {
    }

    /** Returns a new array: {@code bytes} XOR-ed with the repeating pattern. */
    public static byte[] scramble(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) (bytes[i] ^ PATTERN[i % PATTERN.length]);
        }
        return out;
    }
}
