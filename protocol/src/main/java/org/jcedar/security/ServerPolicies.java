package org.jcedar.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/** A daemon's security policy per command level, read once from its configuration (20 §4.2). */
public final class ServerPolicies {
    private final Map<Permission, SecurityPolicy> normal = new EnumMap<>(Permission.class);
    private final Map<Permission, SecurityPolicy> forced = new EnumMap<>(Permission.class);
    private final Map<Permission, HandshakeException> invalid = new EnumMap<>(Permission.class);

    /**
     * @param tokenAvailable whether the daemon holds signing keys, so that it can offer TOKEN
     */
    public ServerPolicies(Function<String, Optional<String>> knobs, String subsystem, boolean tokenAvailable) {
        SecurityPolicyReader reader = new SecurityPolicyReader(knobs, subsystem);
        for (Permission level : Permission.values()) {
            try {
                normal.put(level, reader.read(level, false, tokenAvailable));
                forced.put(level, reader.read(level, true, tokenAvailable));
            } catch (HandshakeException e) {
                invalid.put(level, e);
            }
        }
    }

    /** The policy for a command of this level; a configuration HTCondor would refuse is an error here too. */
    public SecurityPolicy forLevel(Permission level, boolean forceAuthentication) throws HandshakeException {
        HandshakeException error = invalid.get(level);
        if (error != null) {
            throw error;
        }
        return (forceAuthentication ? forced : normal).get(level);
    }
}
