package org.jcedar.security.method.token;

/** The server's judgement of a presented {@code header.payload} (30 §2.5), with its signing keys. */
public interface TokenValidator {

    /** Why a token was refused, for the daemon's log (the client is only told that TOKEN failed). */
    final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    ValidatedToken validate(String signedText) throws Rejected;
}
