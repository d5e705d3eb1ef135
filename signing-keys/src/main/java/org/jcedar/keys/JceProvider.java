package org.jcedar.keys;

import com.nimbusds.jose.jca.JCAContext;
import java.security.Provider;
import java.security.Security;

/**
 * The JDK's SunJCE provider, named for the MACs of the tokens nimbus signs and verifies: a look-up without a
 * provider walks every provider listed before SunJCE (SUN, SunRsaSign, SunEC, SunJSSE), on every token a daemon
 * mints; named, it is a third of that (docs/performance.md). Finding SunJCE by name still loads the providers
 * before it, once. A JDK configured without SunJCE gets the JCE's own choice. (The packet cipher and the TOKEN
 * method's HMAC are bouncycastle's, not the JCE's.)
 */
final class JceProvider {
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private JceProvider() {
    }

    /** Makes nimbus take its MACs from SunJCE too; returns {@code context}. */
    static JCAContext use(JCAContext context) {
        context.setProvider(SUN_JCE);
        return context;
    }
}
