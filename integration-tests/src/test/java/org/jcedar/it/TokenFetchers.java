package org.jcedar.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.HostJava;
import org.jcedar.it.real.RealPool;

/**
 * Runs the two condor_token_fetch implementations against one real pool as the same unprivileged user: the real
 * one inside the chroot with the pool's configuration, ours on the host with the knobs that matter to a client
 * taken from that configuration (as {@code condor_config_val} reports them to the user), paths translated to where
 * they are on the host.
 */
final class TokenFetchers {
    /** The configuration a client reads: security, domains, where the daemons and tokens are, the network. */
    private static final List<String> CLIENT_KNOBS = List.of(
            "SEC_CLIENT_AUTHENTICATION", "SEC_CLIENT_ENCRYPTION", "SEC_CLIENT_INTEGRITY", "SEC_CLIENT_NEGOTIATION",
            "SEC_CLIENT_AUTHENTICATION_METHODS", "SEC_CLIENT_CRYPTO_METHODS", "SEC_DEFAULT_AUTHENTICATION",
            "SEC_DEFAULT_ENCRYPTION", "SEC_DEFAULT_INTEGRITY", "SEC_DEFAULT_NEGOTIATION",
            "SEC_DEFAULT_AUTHENTICATION_METHODS", "SEC_DEFAULT_CRYPTO_METHODS", "SEC_CLAIMTOBE_INCLUDE_DOMAIN",
            "SEC_CLAIMTOBE_USER", "SEC_TOKEN_DIRECTORY", "LOCAL_CONFIG_DIR_EXCLUDE_REGEXP", "UID_DOMAIN",
            "TRUST_DOMAIN", "COLLECTOR_HOST", "COLLECTOR_PORT", "COLLECTOR_ADDRESS_FILE", "SCHEDD_ADDRESS_FILE",
            "SCHEDD_DAEMON_AD_FILE", "SCHEDD_NAME", "MASTER_ADDRESS_FILE", "MASTER_DAEMON_AD_FILE",
            "NETWORK_HOSTNAME", "ENABLE_IPV4", "ENABLE_IPV6", "QUERY_TIMEOUT");

    private final RealPool pool;
    private final Map<String, String> ourConfiguration;

    private TokenFetchers(RealPool pool, Map<String, String> ourConfiguration) {
        this.pool = pool;
        this.ourConfiguration = ourConfiguration;
    }

    static TokenFetchers of(RealPool pool) {
        StringBuilder script = new StringBuilder();
        for (String knob : CLIENT_KNOBS) {
            script.append("printf '%s=' ").append(knob).append("; condor_config_val ").append(knob)
                    .append(" 2>/dev/null || echo; ");
        }
        ExecResult values = pool.exec(RealPool.UNPRIVILEGED_USER, "sh", "-c", script.toString()).requireSuccess();
        // Only these knobs: the host has no HTCondor configuration of its own.
        Map<String, String> configuration = new HashMap<>(Map.of("CONDOR_CONFIG", "ONLY_ENV"));
        for (String line : values.stdout().split("\n")) {
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1).strip();
            if (equals > 0 && !value.isEmpty()) {
                String knob = line.substring(0, equals);
                configuration.put("_CONDOR_" + knob, value.startsWith("/") && !knob.endsWith("REGEXP")
                        ? pool.hostPath(value).toString() : value);
            }
        }
        if (pool.htcondor().series().major() == 23) {
            // 23.x hands out FS directory names without channel binding, which our client (like HTCondor 24.0.22+
            // and 25) refuses unless told otherwise (20 §7.2).
            configuration.put("_CONDOR_SEC_FS_ENFORCE_CHANNEL_BINDING", "false");
        }
        return new TokenFetchers(pool, configuration);
    }

    /** The real condor_token_fetch as the unprivileged user, with extra {@code _CONDOR_} settings. */
    ExecResult real(Map<String, String> settings, List<String> args) {
        List<String> command = new ArrayList<>(List.of("condor_token_fetch"));
        command.addAll(args);
        return pool.exec(RealPool.UNPRIVILEGED_USER, settings, command.toArray(String[]::new));
    }

    /**
     * Ours as the same user on the host, with the same extra settings ({@code hostSettings} where a path must
     * differ between the chroot and the host).
     */
    ExecResult ours(Map<String, String> settings, List<String> args) {
        Map<String, String> environment = new HashMap<>(ourConfiguration);
        environment.putAll(settings);
        return HostJava.run(RealPool.UNPRIVILEGED_USER, Path.of("/nonexistent"), environment,
                "org.jcedar.cli.TokenFetchTool", args);
    }

    RealPool pool() {
        return pool;
    }
}
