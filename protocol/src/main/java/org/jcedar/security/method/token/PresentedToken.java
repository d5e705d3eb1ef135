package org.jcedar.security.method.token;

/**
 * The token a client proves it holds: its subject (the name the client gives), the {@code header.payload} text
 * exactly as in the token file, and the raw signature bytes, which never travel.
 */
public record PresentedToken(String subject, String signedText, byte[] signature) {
}
