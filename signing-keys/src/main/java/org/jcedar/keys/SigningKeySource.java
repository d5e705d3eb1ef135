package org.jcedar.keys;

/** Where a verifier finds the key a token names; {@link SigningKeyStore} is the on-disk one. */
@FunctionalInterface
public interface SigningKeySource {
    /**
     * The key for {@code kid}.
     *
     * @throws KeyFileException if there is no such key or it cannot be used; a missing key has the
     *                          detail {@link SigningKeyStore#NO_SUCH_KEY}
     */
    SigningKey load(String kid) throws KeyFileException;
}
