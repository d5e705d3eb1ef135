package org.jcedar.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jcedar.command.CollectorAds;
import org.jcedar.command.SessionTokenIssuer;
import org.jcedar.command.TokenRequests;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigException;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.security.method.fs.FsServer;

/**
 * The HTCondor configuration knobs the mock daemon honours, read once at start-up: trust and UID domains, the
 * signing keys, the token knobs, FS and CLAIMTOBE settings. The security policies and ALLOW/DENY lists read the
 * configuration themselves through {@link #knobs()}.
 */
public final class DaemonConfiguration {
    /**
     * The subsystem whose knobs the daemon reads ({@code ALLOW_READ_COLLECTOR}, ...): the mock is a collector and a
     * schedd in one process; it reads the collector's, since the collector is what creates the POOL key.
     */
    public static final String SUBSYSTEM = "COLLECTOR";

    private final CondorConfig config;
    private final String trustDomain;
    private final String uidDomain;
    private final String hostName;
    private final SigningKeyStore keyStore;
    private final SessionTokenIssuer.Settings tokenIssuance;
    private final Optional<Duration> tokenMaxAge;
    private final FsServer.Settings fsSettings;
    private final boolean claimToBeIncludeDomain;
    private final TokenRequests.Settings tokenRequests;
    private final long classAdLifetimeSeconds;
    private final boolean housekeepingOnInvalidate;
    private final String scheddName;
    private final String collectorName;

    private DaemonConfiguration(CondorConfig config) throws ConfigException {
        this.config = config;
        this.hostName = config.get("FULL_HOSTNAME").or(() -> config.get("HOSTNAME")).orElse("localhost");
        this.uidDomain = config.get("UID_DOMAIN").orElse(hostName);
        this.trustDomain = config.get("TRUST_DOMAIN").orElse(uidDomain);
        Pattern exclude;
        String excludeText = config.get("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP").orElse(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP);
        try {
            exclude = Pattern.compile(excludeText);
        } catch (PatternSyntaxException e) {
            throw new ConfigException("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP is not a valid regular expression: "
                    + e.getDescription());
        }
        this.keyStore = new SigningKeyStore(config.get("SEC_PASSWORD_DIRECTORY").map(Path::of),
                config.get("SEC_TOKEN_POOL_SIGNING_KEY_FILE").map(Path::of),
                config.getBoolean("SEC_TOKEN_POOL_SIGNING_KEY_IS_PASSWORD", false), exclude,
                ProcessIdentity.realUid());
        long expiration = config.getLong("SEC_ISSUED_TOKEN_EXPIRATION", -1);
        this.tokenIssuance = new SessionTokenIssuer.Settings(config.getBoolean("SEC_ENABLE_TOKEN_FETCH", true),
                expiration > 0 ? OptionalLong.of(expiration) : OptionalLong.empty(),
                config.get("SEC_TOKEN_ISSUER_KEY").orElse("POOL"),
                listOr(config.getList("SEC_TOKEN_FETCH_ALLOWED_SIGNING_KEYS"), List.of("POOL")), trustDomain);
        this.tokenRequests = new TokenRequests.Settings(config.getBoolean("SEC_ENABLE_TOKEN_REQUEST", true),
                config.getList("SEC_TOKEN_REQUEST_LIMITS"),
                expiration > 0 ? OptionalLong.of(expiration) : OptionalLong.empty(),
                config.getLong("SEC_TOKEN_REQUEST_LIFETIME", 3600),
                config.getLong("TOKEN_REQUEST_AUTO_APPROVE_MAX_LIFETIME", 3600), 10);
        long maxAge = config.getLong("SEC_TOKEN_MAX_AGE", 0);
        this.tokenMaxAge = maxAge > 0 ? Optional.of(Duration.ofSeconds(maxAge)) : Optional.empty();
        this.fsSettings = new FsServer.Settings(Path.of(config.get("FS_LOCAL_DIR").orElse("/tmp")), uidDomain,
                config.getBoolean("FS_ROOT_TO_CONDOR", true), "condor");
        this.claimToBeIncludeDomain = config.getBoolean("SEC_CLAIMTOBE_INCLUDE_DOMAIN", true);
        this.classAdLifetimeSeconds = Math.max(1, config.getLong("CLASSAD_LIFETIME", CollectorAds.DEFAULT_LIFETIME_SECONDS));
        this.housekeepingOnInvalidate = config.getBoolean("HOUSEKEEPING_ON_INVALIDATE", true);
        this.scheddName = config.get("SCHEDD_NAME").filter(n -> !n.isBlank()).map(n -> daemonName(n, hostName))
                .orElse(hostName);
        this.collectorName = config.get("COLLECTOR_NAME").filter(n -> !n.isBlank())
                .map(n -> n.contains("@") ? n : n + "@" + hostName).orElse(hostName);
    }

    /**
     * A daemon name as HTCondor makes it valid (build_valid_daemon_name): a name with an {@code @} stays as it is,
     * the host's own name is the host name, any other name gets {@code @host} appended.
     */
    private static String daemonName(String name, String hostName) {
        if (name.contains("@")) {
            return name;
        }
        return name.equalsIgnoreCase(hostName) ? hostName : name + "@" + hostName;
    }

    public static DaemonConfiguration from(CondorConfig config) throws ConfigException {
        return new DaemonConfiguration(config);
    }

    public CondorConfig condorConfig() {
        return config;
    }

    /** The configuration as a look-up function, for the security policies and authorization lists. */
    public Function<String, Optional<String>> knobs() {
        return config::get;
    }

    public String trustDomain() {
        return trustDomain;
    }

    public String uidDomain() {
        return uidDomain;
    }

    public String hostName() {
        return hostName;
    }

    public SigningKeyStore keyStore() {
        return keyStore;
    }

    /** The IssuerKeys list of the key files as they are now (30 §1.1); the daemon advertises the list of its start. */
    public Optional<String> issuerKeys() {
        try {
            String keys = keyStore.issuerKeys();
            return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public SessionTokenIssuer.Settings tokenIssuance() {
        return tokenIssuance;
    }

    public TokenRequests.Settings tokenRequests() {
        return tokenRequests;
    }

    /** SEC_TOKEN_REVOCATION_EXPR, else its old name SEC_TOKEN_BLACKLIST_EXPR (30 §2.5). */
    public Optional<String> tokenRevocationExpression() {
        return config.get("SEC_TOKEN_REVOCATION_EXPR").or(() -> config.get("SEC_TOKEN_BLACKLIST_EXPR"));
    }

    public Optional<Duration> tokenMaxAge() {
        return tokenMaxAge;
    }

    public FsServer.Settings fsSettings() {
        return fsSettings;
    }

    public boolean claimToBeIncludeDomain() {
        return claimToBeIncludeDomain;
    }

    /**
     * A path knob the configuration sets itself; built-in defaults do not count (they point into a real
     * installation, whose files the mock must not touch).
     */
    public Optional<Path> configuredPath(String knob) {
        boolean configured = config.whereDefined(knob).map(where -> !where.equals("<Default>")).orElse(false);
        return configured ? config.get(knob).map(Path::of) : Optional.empty();
    }

    /** CLASSAD_LIFETIME: how long a collector keeps an ad that does not say otherwise. */
    public long classAdLifetimeSeconds() {
        return classAdLifetimeSeconds;
    }

    /** HOUSEKEEPING_ON_INVALIDATE: how an invalidation without a key is matched (CollectorAds#invalidate). */
    public boolean housekeepingOnInvalidate() {
        return housekeepingOnInvalidate;
    }

    /** The schedd ad's Name: SCHEDD_NAME made valid, else the host name. */
    public String scheddName() {
        return scheddName;
    }

    /** The collector ad's Name: COLLECTOR_NAME (with {@code @host} unless it has an {@code @}), else the host name. */
    public String collectorName() {
        return collectorName;
    }

    /** The most ads the collector keeps: far beyond a test pool, far below memory trouble. */
    public int maxCollectorAds() {
        return 100_000;
    }

    /**
     * A kept update connection (10 §6.5) stays open this long without traffic: as long as the ads it carried live
     * (CLASSAD_LIFETIME), so that a daemon updating every few minutes never writes into a closed connection.
     */
    public int keptConnectionIdleSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, classAdLifetimeSeconds);
    }

    /** Connections kept open for further updates at most; past it a daemon reconnects for each update. */
    public int maxKeptConnections() {
        return 4096;
    }

    /** Largest message accepted from a peer: far above anything HTCondor sends, far below memory trouble. */
    public int maxMessageSize() {
        return 4 << 20;
    }

    /** A connection that sends nothing for this long is closed: SEC_DEFAULT_AUTHENTICATION_TIMEOUT (20 s). */
    public int idleTimeoutSeconds() {
        try {
            return (int) Math.max(1, config.getLong("SEC_DEFAULT_AUTHENTICATION_TIMEOUT", 20));
        } catch (ConfigException e) {
            return 20;
        }
    }

    private static List<String> listOr(List<String> value, List<String> fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
