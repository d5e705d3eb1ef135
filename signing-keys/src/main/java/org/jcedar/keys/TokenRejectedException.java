package org.jcedar.keys;

/** A well-formed token that verification refuses, with the reason as a value tests and callers can check. */
public final class TokenRejectedException extends TokenException {
    /** Why a token was refused. */
    public enum Reason {
        /** {@code alg} is missing or not a string. */
        MISSING_ALGORITHM,
        /** {@code alg} is {@code none}: unsigned tokens are never accepted. */
        ALGORITHM_NONE,
        /** {@code alg} is anything but {@code HS256}. */
        UNSUPPORTED_ALGORITHM,
        /** {@code kid} is missing, not a string, empty, or not a plain key name. */
        INVALID_KEY_ID,
        /** No signing key with that {@code kid} exists. */
        UNKNOWN_KEY_ID,
        /** The key exists but cannot be used (unreadable, insecure permissions, wrong owner). */
        KEY_UNUSABLE,
        /** The signature does not match header and payload (tampered token or wrong key). */
        BAD_SIGNATURE,
        /** A required claim is missing or empty. */
        MISSING_CLAIM,
        /** A claim has the wrong JSON type. */
        WRONG_CLAIM_TYPE,
        /** {@code iss} is not the expected trust domain. */
        WRONG_ISSUER,
        /** Now is after {@code exp}. */
        EXPIRED,
        /** Now is before {@code nbf}. */
        NOT_YET_VALID,
        /** {@code iat} is older than the configured maximum age. */
        TOO_OLD
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TokenRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
