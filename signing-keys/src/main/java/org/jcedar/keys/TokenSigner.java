package org.jcedar.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;

import java.text.ParseException;
import java.util.Map;

/**
 * Mints HS256 tokens byte-identical to HTCondor's (30 §1.5, §2): header {@code {"alg":"HS256","kid":...}}
 * and the payload of {@link TokenClaims#toPayloadJson()}. nimbus signs; we hand it the exact header and
 * payload text because its own serialisation would order and escape differently.
 */
public final class TokenSigner {
    private TokenSigner() {
    }

    /** The compact token {@code header.payload.signature}. */
    public static String mint(TokenClaims claims, SigningKey key) {
        byte[] headerJson = PicoJsonWriter.object(Map.of("alg", "HS256", "kid", key.id()));
        try {
            // Parsing our own text makes nimbus keep it verbatim as the header's base64url form.
            JWSHeader header = JWSHeader.parse(Base64URL.encode(headerJson));
            JWSObject jws = new JWSObject(header, new Payload(claims.toPayloadJson()));
            jws.sign(new MACSigner(key.hmacKey()));
            return jws.serialize();
        } catch (ParseException | JOSEException e) {
            // Cannot happen: the header is our own valid JSON and the HMAC key is always 256 bits.
            throw new IllegalStateException("nimbus refused a well-formed HS256 token", e);
        }
    }
}
