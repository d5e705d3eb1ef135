package org.jcedar.security.authz;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jcedar.config.ConfigLiterals;
import org.jcedar.security.Permission;

/**
 * A daemon's ALLOW_* / DENY_* policy for every level, read from its configuration with HTCondor's look-up chain
 * (20 §13.4: {@code ALLOW_READ_COLLECTOR}, {@code ALLOW_READ}, then {@code ALLOW_DEFAULT_COLLECTOR},
 * {@code ALLOW_DEFAULT}...), and the verification of §13.5 with implied levels.
 */
public final class Authorizer {
    private final Map<Permission, AccessPolicy> policies = new EnumMap<>(Permission.class);

    /**
     * @param knobs       the configuration (name to expanded value)
     * @param subsystem   the daemon's subsystem, for {@code ALLOW_<LEVEL>_<SUBSYS>} knobs
     */
    public Authorizer(Function<String, Optional<String>> knobs, String subsystem) {
        boolean legacy = knobs.apply("LEGACY_ALLOW_SEMANTICS").flatMap(ConfigLiterals::parseBoolean).orElse(false);
        for (Permission level : Permission.values()) {
            policies.put(level, AccessPolicy.of(level, lookup(knobs, "ALLOW", level, subsystem, legacy),
                    lookup(knobs, "DENY", level, subsystem, legacy)));
        }
    }

    /** Whether {@code identity} (the fully qualified user, or {@code unauthenticated@unmapped}) at {@code peer} may act at {@code level}. */
    public boolean isAuthorized(Permission level, String identity, InetAddress peer) {
        if (level == Permission.ALLOW) {
            return true;
        }
        switch (policies.get(level).verdict(identity, peer)) {
            case GRANTED:
                return true;
            case DENIED:
                return false;
            default:
                for (Permission stronger : level.impliedBy()) {
                    if (isAuthorized(stronger, identity, peer)) {
                        return true;
                    }
                }
                return false;
        }
    }

    private static Optional<String> lookup(Function<String, Optional<String>> knobs, String kind, Permission level,
                                           String subsystem, boolean legacy) {
        for (Permission step : level.configChain(legacy)) {
            String name = kind + "_" + step.name();
            Optional<String> value = knobs.apply(name + "_" + subsystem).or(() -> knobs.apply(name));
            if (value.isPresent() && !value.get().isBlank()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
