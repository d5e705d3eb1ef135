package org.jcedar.keys;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * A JWT decoded without checking its signature, accepting exactly what HTCondor's jwt-cpp {@code decode}
 * accepts: the text up to the first dot is the header, up to the second dot the payload, the rest the
 * signature; each part is unpadded base64url; header and payload are JSON objects as picojson reads them
 * ({@link PicoJsonReader}). Used by condor_token_list and by a client choosing its token, which presents
 * {@link #signingInput()} and {@link #signature()} in the TOKEN method (30 §4.2, §4.5).
 */
public final class UnverifiedToken {
    private final String signingInput;
    private final byte[] headerJson;
    private final byte[] payloadJson;
    private final byte[] signature;
    private final Map<String, Object> header;
    private final Map<String, Object> claims;

    private UnverifiedToken(String signingInput, byte[] headerJson, byte[] payloadJson, byte[] signature,
                            Map<String, Object> header, Map<String, Object> claims) {
        this.signingInput = signingInput;
        this.headerJson = headerJson;
        this.payloadJson = payloadJson;
        this.signature = signature;
        this.header = header;
        this.claims = claims;
    }

    /** Decodes {@code token} (no surrounding whitespace). */
    public static UnverifiedToken parse(String token) throws MalformedTokenException {
        int headerEnd = token.indexOf('.');
        if (headerEnd < 0) {
            throw new MalformedTokenException("token has no '.' after its header", "token", token.length());
        }
        int payloadEnd = token.indexOf('.', headerEnd + 1);
        if (payloadEnd < 0) {
            throw new MalformedTokenException("token has no '.' after its payload", "token", token.length());
        }
        byte[] headerJson = base64Url(token.substring(0, headerEnd), "header");
        byte[] payloadJson = base64Url(token.substring(headerEnd + 1, payloadEnd), "payload");
        byte[] signature = base64Url(token.substring(payloadEnd + 1), "signature");
        Map<String, Object> header = PicoJsonReader.readObject(headerJson, "header");
        Map<String, Object> claims = PicoJsonReader.readObject(payloadJson, "payload");
        return new UnverifiedToken(token.substring(0, payloadEnd), headerJson, payloadJson, signature,
                Collections.unmodifiableMap(header), Collections.unmodifiableMap(claims));
    }

    /** jwt-cpp's base64url: the URL-safe alphabet only, no '=' padding, never a length of 4n+1. */
    private static byte[] base64Url(String text, String part) throws MalformedTokenException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!alphabet) {
                throw new MalformedTokenException(
                        String.format("token %s has a character that is not base64url (U+%04X)", part, (int) c),
                        part, i);
            }
        }
        if (text.length() % 4 == 1) {
            throw new MalformedTokenException("token " + part + " has an impossible base64url length "
                    + text.length(), part, text.length());
        }
        return Base64.getUrlDecoder().decode(text);
    }

    /** {@code header.payload} exactly as in the token: the text the signature covers. */
    public String signingInput() {
        return signingInput;
    }

    /** The decoded signature (32 bytes for HS256; may be empty). */
    public byte[] signature() {
        return signature.clone();
    }

    /** The decoded header JSON text, as condor_token_list prints it. */
    public byte[] headerJson() {
        return headerJson.clone();
    }

    /** The decoded payload JSON text, as condor_token_list prints it. */
    public byte[] payloadJson() {
        return payloadJson.clone();
    }

    /** The header members (values as {@link PicoJsonReader} describes). */
    public Map<String, Object> header() {
        return header;
    }

    /** The payload members (values as {@link PicoJsonReader} describes). */
    public Map<String, Object> claims() {
        return claims;
    }

    /** {@code kid}, if present and a string. */
    public Optional<String> keyId() {
        return stringMember(header, "kid");
    }

    /** {@code alg}, if present and a string. */
    public Optional<String> algorithm() {
        return stringMember(header, "alg");
    }

    /** {@code iss}, if present and a string. */
    public Optional<String> issuer() {
        return stringMember(claims, "iss");
    }

    /** {@code sub}, if present and a string. */
    public Optional<String> subject() {
        return stringMember(claims, "sub");
    }

    private static Optional<String> stringMember(Map<String, Object> object, String name) {
        return object.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    @Override
    public String toString() {
        return "UnverifiedToken[kid=" + keyId().orElse("?") + ", sub=" + subject().orElse("?") + "]";
    }
}
