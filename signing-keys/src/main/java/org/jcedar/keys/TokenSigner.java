package org.jcedar.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Mints HS256 tokens byte-identical to HTCondor's (30 §1.5, §2): header {@code {"alg":"HS256","kid":...}}
 * and the payload of {@link TokenClaims#toPayloadJson()}. nimbus computes the HMAC; the compact form around it is
 * built here from our own header and payload text, since nimbus's serialisation would order and escape
 * differently (and handing it our text meant parsing that text again on every token).
 */
public final class TokenSigner {
    private TokenSigner() {
    }

    /** The compact token {@code header.payload.signature}. */
    public static String mint(TokenClaims claims, SigningKey key) {
        byte[] headerJson = PicoJsonWriter.object(Map.of("alg", "HS256", "kid", key.id()));
        String signingInput = Base64URL.encode(headerJson) + "." + Base64URL.encode(claims.toPayloadJson());
        return signingInput + "." + signature(key, signingInput);
    }

    /** The HS256 signature of a token's {@code header.payload} text with {@code key}. */
    static Base64URL signature(SigningKey key, String signingInput) {
        try {
            MACSigner signer = new MACSigner(key.hmacKey());
            JceProvider.use(signer.getJCAContext());
            return signer.sign(new JWSHeader(JWSAlgorithm.HS256), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            // Cannot happen: the derived key is always 256 bits.
            throw new IllegalStateException("nimbus refused an HS256 signature", e);
        }
    }
}
