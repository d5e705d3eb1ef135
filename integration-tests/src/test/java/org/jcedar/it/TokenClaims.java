package org.jcedar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jcedar.keys.MalformedTokenException;
import org.jcedar.keys.UnverifiedToken;

/** What two tokens for the same request must share: header and claims, but not iat, jti or the exact exp. */
final class TokenClaims {
    private TokenClaims() {
    }

    /** The comparable view of a token: its header and its claims without iat, jti and exp. */
    static Map<String, Object> comparable(String token) throws MalformedTokenException {
        UnverifiedToken parsed = UnverifiedToken.parse(token.strip());
        Map<String, Object> view = new TreeMap<>(parsed.claims());
        view.keySet().removeAll(List.of("iat", "jti", "exp"));
        view.put("header", new String(parsed.headerJson(), StandardCharsets.UTF_8));
        view.put("expires", parsed.claims().containsKey("exp"));
        return view;
    }

    /**
     * The same expiry: the same lifetime (exp - iat), or the same exp - a daemon caps a token's exp at the exp of
     * the token the session was authenticated with (30 §3.3 step 6), which the later request reaches sooner.
     */
    private static boolean sameExpiry(UnverifiedToken real, UnverifiedToken ours) {
        Object realExp = real.claims().get("exp");
        Object ourExp = ours.claims().get("exp");
        if (realExp == null || ourExp == null) {
            return realExp == ourExp;
        }
        long realLifetime = ((Number) realExp).longValue() - ((Number) real.claims().get("iat")).longValue();
        long ourLifetime = ((Number) ourExp).longValue() - ((Number) ours.claims().get("iat")).longValue();
        return realLifetime == ourLifetime || realExp.equals(ourExp);
    }

    /** Both tokens say the same, and are two tokens (different jti). */
    static void assertEquivalent(String real, String ours) throws MalformedTokenException {
        assertEquals(comparable(real), comparable(ours), "claims of the real tool's token vs ours");
        assertTrue(sameExpiry(UnverifiedToken.parse(real.strip()), UnverifiedToken.parse(ours.strip())),
                () -> "different expiry: real " + real + ", ours " + ours);
        assertNotEquals(UnverifiedToken.parse(real.strip()).claims().get("jti"),
                UnverifiedToken.parse(ours.strip()).claims().get("jti"));
    }
}
