package org.jcedar.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Decoding accepts exactly what real HTCondor's jwt-cpp accepts (recorded in vectors/jwt-cpp-decode). */
class UnverifiedTokenTest {
    @TestFactory
    List<DynamicTest> acceptsExactlyWhatRealCondorTokenListPrinted() {
        String table = new String(Vectors.bytes("jwt-cpp-decode/cases.tsv"), StandardCharsets.ISO_8859_1);
        List<DynamicTest> tests = new ArrayList<>();
        for (String row : table.split("\n")) {
            String[] fields = row.split("\t", 3);
            // The tool trims each line before decoding, as TokenDirectory.trimCSpace does.
            String line = TokenDirectory.trimCSpace(fields[2]);
            tests.add(DynamicTest.dynamicTest(fields[0] + " " + fields[1], () -> {
                boolean printed = fields[1].equals("printed");
                try {
                    UnverifiedToken.parse(line);
                    if (!printed) {
                        fail("decoded a line real HTCondor skipped: " + line);
                    }
                } catch (MalformedTokenException e) {
                    if (printed) {
                        fail("refused a line real HTCondor printed: " + e.getMessage());
                    }
                }
            }));
        }
        return tests;
    }

    @Test
    void exposesWhatTheTokenMethodPresents() throws Exception {
        String token = Vectors.token("protocol-30/vector-c.jwt");
        UnverifiedToken decoded = UnverifiedToken.parse(token);
        assertEquals(token.substring(0, token.lastIndexOf('.')), decoded.signingInput());
        assertEquals(212, decoded.signingInput().length());
        assertArrayEquals(Vectors.expectedHex("vector-c.sig"), decoded.signature());
        assertEquals(Optional.of("VECKEY"), decoded.keyId());
        assertEquals(Optional.of("HS256"), decoded.algorithm());
        assertEquals(Optional.of("alice@vector.example"), decoded.subject());
        assertEquals(Optional.of("vector.example"), decoded.issuer());
        assertEquals("{\"alg\":\"HS256\",\"kid\":\"VECKEY\"}", new String(decoded.headerJson(), StandardCharsets.UTF_8));
        assertEquals(1795908362L, decoded.claims().get("exp"));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertError("token has no '.' after its header (token offset 3)", "abc");
        assertError("token has no '.' after its payload (token offset 7)", "abc.def");
        assertError("token header has a character that is not base64url (U+003D) (header offset 2)", "e3=.e30.");
        assertError("token signature has a character that is not base64url (U+002E) (signature offset 2)",
                "e30.e30.AA.BB");
        assertError("token payload has an impossible base64url length 5 (payload offset 5)", "e30.e30AA.");
        assertError("token header: JSON text ends where a value should start (header offset 0)", ".e30.");
        assertError("token payload is JSON but not an object (payload offset 0)", "e30.W10.");
        assertError("token payload: expected , or } in a JSON object (payload offset 7)",
                "e30." + b64("{\"a\":1 2}") + ".");
        assertError("token payload: control character in a JSON string (payload offset 7)",
                "e30." + b64("{\"a\":\"x\ny\"}") + ".");
        assertError("token payload: lone low surrogate in a JSON string (payload offset 12)",
                "e30." + b64("{\"a\":\"\\ude00\"}") + ".");
        assertError("token payload: invalid JSON number 1e (payload offset 5)", "e30." + b64("{\"a\":1e}") + ".");
    }

    @Test
    void picojsonValues() throws Exception {
        Map<String, Object> claims = UnverifiedToken.parse("e30." + b64(
                "{\"i\":01,\"n\":-0,\"big\":99999999999999999999,\"d\":1.5e3,\"t\":true,\"z\":null,"
                        + "\"s\":\"\\/\\u00e9\\ud83d\\ude00\",\"a\":[1,{}],\"i\":7}tail") + ".").claims();
        assertEquals(7L, claims.get("i"), "last duplicate wins");
        assertEquals(0L, claims.get("n"));
        assertEquals(1e20, claims.get("big"));
        assertEquals(1500.0, claims.get("d"));
        assertEquals(Boolean.TRUE, claims.get("t"));
        assertEquals(PicoJsonReader.NULL, claims.get("z"));
        assertEquals("/\u00e9\ud83d\ude00", claims.get("s"));
        assertEquals(List.of(1L, Map.of()), claims.get("a"));
    }

    @Test
    void nestingIsBounded() {
        String deep = "{\"a\":" + "[".repeat(PicoJsonReader.MAX_DEPTH + 1) + "]".repeat(PicoJsonReader.MAX_DEPTH + 1)
                + "}";
        MalformedTokenException e = assertThrows(MalformedTokenException.class,
                () -> UnverifiedToken.parse("e30." + b64(deep) + "."));
        assertEquals("token payload: JSON nested deeper than 256 levels (payload offset 261)", e.getMessage());
    }

    private static void assertError(String message, String token) {
        assertEquals(message, assertThrows(MalformedTokenException.class, () -> UnverifiedToken.parse(token))
                .getMessage());
    }

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
