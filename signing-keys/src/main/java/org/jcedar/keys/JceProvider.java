package org.jcedar.keys;

import com.nimbusds.jose.jca.JCAContext;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The JDK's SunJCE provider, named in every cipher and MAC look-up jcedar makes: a look-up without a provider
 * ({@code Cipher.getInstance("AES/GCM/NoPadding")}) walks every provider listed before SunJCE (SUN, SunRsaSign,
 * SunEC, SunJSSE) for each form of the transformation, on every connection of a daemon; named, it is a third of
 * that (docs/performance.md). Finding SunJCE by name still loads the providers before it, once. A JDK configured
 * without SunJCE gets the JCE's own choice.
 */
public final class JceProvider {
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private JceProvider() {
    }

    /** {@link Cipher#getInstance(String)}, from SunJCE. */
    public static Cipher cipher(String transformation) throws GeneralSecurityException {
        return SUN_JCE != null ? Cipher.getInstance(transformation, SUN_JCE) : Cipher.getInstance(transformation);
    }

    /** {@link Mac#getInstance(String)}, from SunJCE. */
    public static Mac mac(String algorithm) throws GeneralSecurityException {
        return SUN_JCE != null ? Mac.getInstance(algorithm, SUN_JCE) : Mac.getInstance(algorithm);
    }

    /** Makes nimbus take its MACs from SunJCE too; returns {@code context}. */
    static JCAContext use(JCAContext context) {
        context.setProvider(SUN_JCE);
        return context;
    }
}
