package org.jcedar.security.method.token;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** A SecureRandom that hands out recorded bytes, to replay a recorded exchange. */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Deque<byte[]> values = new ArrayDeque<>();

    FixedRandom(byte[]... values) {
        for (byte[] v : values) {
            this.values.add(v);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = values.removeFirst();
        if (next.length != bytes.length) {
            throw new IllegalStateException("recorded value of " + next.length + " bytes for a request of " + bytes.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }
}
