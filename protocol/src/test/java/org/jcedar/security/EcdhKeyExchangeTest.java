package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcdhKeyExchangeTest {

    /** The client side of 20 §18.2: its ECDH private scalar, both public keys and the session key. */
    static Map<String, String> recordedClientKey() throws IOException {
        Map<String, String> values = new HashMap<>();
        try (InputStream in = EcdhKeyExchangeTest.class.getResourceAsStream("/vectors/ecdh/20-18.2-client-key.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] kv = line.split(" ", 2);
                    values.put(kv[0], kv[1]);
                }
            }
        }
        return values;
    }

    @Test
    void reproducesTheSessionKeyARealCollectorAccepted() throws Exception {
        Map<String, String> v = recordedClientKey();
        EcdhKeyExchange client = EcdhKeyExchange.fromPrivateScalar(HexFormat.of().parseHex(v.get("client-private-scalar")));
        assertEquals(v.get("client-public-key"), client.publicKeyAttribute());
        byte[] key = client.deriveSessionKey(v.get("server-public-key"), 32);
        assertArrayEquals(HexFormat.of().parseHex(v.get("session-key")), key);
    }

    @Test
    void bothSidesDeriveTheSameKeyAndThePublicKeyIsTheBarePoint() throws Exception {
        SecureRandom random = new SecureRandom();
        EcdhKeyExchange a = EcdhKeyExchange.generate(random);
        EcdhKeyExchange b = EcdhKeyExchange.generate(random);
        assertEquals(88, a.publicKeyAttribute().length());
        assertEquals(65, Base64.getDecoder().decode(a.publicKeyAttribute()).length);
        assertArrayEquals(a.deriveSessionKey(b.publicKeyAttribute(), 32), b.deriveSessionKey(a.publicKeyAttribute(), 32));
    }

    @Test
    void rejectsKeysThatAreNotUncompressedP256Points() {
        EcdhKeyExchange a = EcdhKeyExchange.generate(new SecureRandom());
        byte[] point = Base64.getDecoder().decode(a.publicKeyAttribute());
        point[64] ^= 1; // off the curve
        String offCurve = Base64.getEncoder().encodeToString(point);
        byte[] compressed = new byte[33];
        compressed[0] = 2;
        for (String bad : new String[] {"", "not base64!", offCurve, Base64.getEncoder().encodeToString(compressed),
                Base64.getEncoder().encodeToString(new byte[91])}) {
            assertThrows(HandshakeException.class, () -> a.deriveSessionKey(bad, 32), bad);
        }
    }
}
