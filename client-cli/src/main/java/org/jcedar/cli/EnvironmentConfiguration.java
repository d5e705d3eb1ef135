package org.jcedar.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jcedar.client.ClientConfiguration;

import org.jcedar.keys.SigningKeyStore;

/**
 * Interim configuration: only HTCondor's {@code _CONDOR_<KNOB>} environment overrides (knob names in any
 * case), plus the defaults of the few knobs whose HTCondor default refers to another knob. It reads no
 * configuration files; it will give way to the real configuration reader.
 */
public final class EnvironmentConfiguration implements ClientConfiguration {
    private static final String PREFIX = "_CONDOR_";
    private final Map<String, String> environment;

    public EnvironmentConfiguration(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> get(String knob) {
        Optional<String> set = environment.entrySet().stream()
                .filter(e -> e.getKey().regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                        && e.getKey().substring(PREFIX.length()).equalsIgnoreCase(knob))
                .map(Map.Entry::getValue).filter(v -> !v.isEmpty()).findFirst();
        return set.isPresent() ? set : byDefault(knob.toUpperCase(Locale.ROOT));
    }

    private Optional<String> byDefault(String knob) {
        return switch (knob) {
            case "SEC_TOKEN_POOL_SIGNING_KEY_FILE" -> get("SEC_PASSWORD_FILE");
            case "SEC_PASSWORD_FILE" -> get("SEC_PASSWORD_DIRECTORY").map(d -> d + "/POOL");
            case "TRUST_DOMAIN" -> get("UID_DOMAIN");
            case "LOCAL_CONFIG_DIR_EXCLUDE_REGEXP" -> Optional.of(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP);
            default -> Optional.empty();
        };
    }
}
