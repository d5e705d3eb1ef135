package org.jcedar.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jcedar.config.ConfigLiterals;

/**
 * Builds a {@link SecurityPolicy} from HTCondor configuration knobs the way SecMan::FillInSecurityPolicyAd does
 * (20 §3.3), for a client (level CLIENT) or for a server's command level, keeping only the methods and ciphers
 * jcedar can run.
 */
public final class SecurityPolicyReader {
    /** HTCondor's compiled default method list on Unix (Debian builds, 20 §16.1). */
    public static final String DEFAULT_AUTHENTICATION_METHODS = "FS,IDTOKENS,KERBEROS,SCITOKENS,SSL";
    public static final String DEFAULT_CRYPTO_METHODS = "AES,BLOWFISH,3DES";
    /** Methods jcedar implements, both sides. */
    public static final Set<AuthMethod> IMPLEMENTED_METHODS =
            EnumSet.of(AuthMethod.FS, AuthMethod.CLAIMTOBE, AuthMethod.ANONYMOUS, AuthMethod.TOKEN);

    private final Function<String, Optional<String>> knobs;
    private final String subsystem;
    private final boolean legacyAllowSemantics;

    public SecurityPolicyReader(Function<String, Optional<String>> knobs, String subsystem) {
        this.knobs = knobs;
        this.subsystem = subsystem;
        this.legacyAllowSemantics = knobs.apply("LEGACY_ALLOW_SEMANTICS").flatMap(ConfigLiterals::parseBoolean)
                .orElse(false);
    }

    /**
     * @param level              CLIENT for a client, else the command's level
     * @param forceAuthentication the command was registered with force_authentication (server: REQUIRED)
     * @param tokenAvailable     whether this side can do TOKEN (a client holding a token or key, a server
     *                           holding signing keys); HTCondor drops TOKEN otherwise
     */
    public SecurityPolicy read(Permission level, boolean forceAuthentication, boolean tokenAvailable)
            throws HandshakeException {
        Requirement auth = requirement("SEC_%s_AUTHENTICATION", level, Requirement.OPTIONAL);
        Requirement enc = requirement("SEC_%s_ENCRYPTION", level, Requirement.OPTIONAL);
        Requirement integ = requirement("SEC_%s_INTEGRITY", level, Requirement.OPTIONAL);
        Requirement neg = requirement("SEC_%s_NEGOTIATION", level, Requirement.PREFERRED);
        if (forceAuthentication) {
            auth = Requirement.REQUIRED;
        }
        Requirement authNew = auth;

        List<AuthMethod> methods = new ArrayList<>();
        for (AuthMethod m : AuthMethod.parseList(setting("SEC_%s_AUTHENTICATION_METHODS", level)
                .orElse(DEFAULT_AUTHENTICATION_METHODS))) {
            if (IMPLEMENTED_METHODS.contains(m) && (m != AuthMethod.TOKEN || tokenAvailable)) {
                methods.add(m);
            }
        }
        List<CryptoMethod> ciphers = new ArrayList<>();
        for (CryptoMethod c : CryptoMethod.parseList(setting("SEC_%s_CRYPTO_METHODS", level)
                .orElse(DEFAULT_CRYPTO_METHODS))) {
            if (c.supported()) {
                ciphers.add(c);
            }
        }
        if (methods.isEmpty()) {
            if (auth == Requirement.REQUIRED) {
                throw invalid("authentication is REQUIRED for " + level + " but none of its methods ("
                        + setting("SEC_%s_AUTHENTICATION_METHODS", level).orElse(DEFAULT_AUTHENTICATION_METHODS)
                        + ") is one jcedar supports (FS, IDTOKENS, CLAIMTOBE, ANONYMOUS)");
            }
            auth = authNew = enc = integ = Requirement.NEVER;
        }
        if (ciphers.isEmpty()) {
            if (enc == Requirement.REQUIRED || integ == Requirement.REQUIRED) {
                throw invalid("encryption or integrity is REQUIRED for " + level + " but no cipher jcedar supports"
                        + " (AES) is in " + setting("SEC_%s_CRYPTO_METHODS", level).orElse(DEFAULT_CRYPTO_METHODS));
            }
            enc = integ = Requirement.NEVER;
        }

        // SecMan::ReconcileSecurityDependency on (auth, enc), (auth, integ), (neg, auth), (neg, enc), (neg, integ).
        Requirement[] a = {auth};
        Requirement[] e = {enc};
        Requirement[] i = {integ};
        Requirement[] n = {neg};
        raise(a, e, level);
        raise(a, i, level);
        raise(n, a, level);
        raise(n, e, level);
        raise(n, i, level);
        long duration = durationSetting(level);
        long lease = setting("SEC_%s_SESSION_LEASE", level).flatMap(SecurityPolicyReader::parseLong).orElse(3600L);
        return new SecurityPolicy(a[0], authNew, e[0], i[0], n[0], methods, ciphers, duration, lease);
    }

    private static void raise(Requirement[] a, Requirement[] b, Permission level) throws HandshakeException {
        if (a[0] == Requirement.NEVER && b[0] == Requirement.REQUIRED) {
            throw invalid("the security policy for " + level + " is contradictory (a feature is REQUIRED that needs"
                    + " one set to NEVER)");
        }
        if (a[0] == Requirement.NEVER) {
            b[0] = Requirement.NEVER;
        }
        if (b[0].compareTo(a[0]) > 0) {
            a[0] = b[0];
        }
    }

    private long durationSetting(Permission level) {
        boolean tool = subsystem.equalsIgnoreCase("TOOL") || subsystem.equalsIgnoreCase("SUBMIT");
        long fallback = tool ? 60 : 86400;
        for (Permission step : level.configChain(legacyAllowSemantics)) {
            Optional<Long> value = knobs.apply("SEC_" + subsystem + "_" + step.name() + "_SESSION_DURATION")
                    .or(() -> knobs.apply("SEC_" + step.name() + "_SESSION_DURATION"))
                    .flatMap(SecurityPolicyReader::parseLong);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return fallback;
    }

    private Requirement requirement(String pattern, Permission level, Requirement fallback) throws HandshakeException {
        Optional<String> value = setting(pattern, level);
        if (value.isEmpty()) {
            return fallback;
        }
        return Requirement.parse(value.get()).orElseThrow(() -> invalid(String.format(pattern, level.name())
                + " has the value " + value.get() + ", which is not REQUIRED, PREFERRED, OPTIONAL or NEVER"));
    }

    /** SecMan::getSecSetting: the first defined name along the level's configuration chain. */
    private Optional<String> setting(String pattern, Permission level) {
        for (Permission step : level.configChain(legacyAllowSemantics)) {
            Optional<String> value = knobs.apply(String.format(pattern, step.name()));
            if (value.isPresent() && !value.get().isBlank()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static HandshakeException invalid(String message) {
        return new HandshakeException(CondorError.secman(CondorError.SECMAN_INVALID_POLICY, message));
    }
}
