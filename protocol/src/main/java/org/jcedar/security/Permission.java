package org.jcedar.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * HTCondor's authorization levels (DCpermission, 20 §13.1), with the levels each one implies (§13.3) and the
 * order in which the configuration is searched for its knobs (§13.4).
 */
public enum Permission {
    ALLOW, READ, WRITE, NEGOTIATOR, ADMINISTRATOR, CONFIG, DAEMON, SOAP, DEFAULT, CLIENT,
    ADVERTISE_STARTD, ADVERTISE_SCHEDD, ADVERTISE_MASTER;

    /** Case-insensitive; the old OWNER level was merged into ADMINISTRATOR in HTCondor 9.9. */
    public static Optional<Permission> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("OWNER")) {
            return Optional.of(ADMINISTRATOR);
        }
        for (Permission p : values()) {
            if (p.name().equals(upper)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The levels this one directly implies ("WRITE implies READ"). */
    public List<Permission> directlyImplies() {
        switch (this) {
            case WRITE: case NEGOTIATOR: case CONFIG:
            case ADVERTISE_STARTD: case ADVERTISE_SCHEDD: case ADVERTISE_MASTER:
                return List.of(READ);
            case ADMINISTRATOR: case DAEMON:
                return List.of(WRITE);
            default:
                return List.of();
        }
    }

    /** This level and every level it implies, transitively. */
    public Set<Permission> withImplied() {
        Set<Permission> out = EnumSet.of(this);
        for (Permission p : directlyImplies()) {
            out.addAll(p.withImplied());
        }
        return out;
    }

    /** The levels whose direct implications include this one (who is also authorized at this level). */
    public List<Permission> impliedBy() {
        return java.util.Arrays.stream(values()).filter(p -> p.directlyImplies().contains(this)).toList();
    }

    /**
     * The configuration levels searched for a knob of this level: itself, then DAEMON for the ADVERTISE levels,
     * then DEFAULT. With LEGACY_ALLOW_SEMANTICS, DAEMON (and so the ADVERTISE levels) also falls back to WRITE.
     */
    public List<Permission> configChain(boolean legacyAllowSemantics) {
        switch (this) {
            case DEFAULT:
                return List.of(DEFAULT);
            case ADVERTISE_STARTD: case ADVERTISE_SCHEDD: case ADVERTISE_MASTER:
                return legacyAllowSemantics ? List.of(this, DAEMON, WRITE, DEFAULT) : List.of(this, DAEMON, DEFAULT);
            case DAEMON:
                return legacyAllowSemantics ? List.of(DAEMON, WRITE, DEFAULT) : List.of(DAEMON, DEFAULT);
            default:
                return List.of(this, DEFAULT);
        }
    }
}
