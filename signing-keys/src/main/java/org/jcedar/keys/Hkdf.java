package org.jcedar.keys;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** RFC 5869 HKDF with SHA-256 (extract with {@code salt}, expand with {@code info}), from bouncycastle. */
public final class Hkdf {
    private Hkdf() {
    }

    /** Derives {@code length} bytes; note HTCondor's own wrapper takes (key, salt, info) in this order too. */
    public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
