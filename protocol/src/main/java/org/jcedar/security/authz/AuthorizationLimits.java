package org.jcedar.security.authz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcedar.config.ConfigLiterals;
import org.jcedar.security.Permission;

/**
 * A session's {@code LimitAuthorization}: the levels a token's scopes (or a CLAIMTOBE session) allow, each with
 * every level it implies, ALLOW always included (20 §13.7, 30 §3.3). A command runs only if its level or an
 * alternate level is in the set; normal ALLOW/DENY checks still apply on top.
 */
public final class AuthorizationLimits {
    private final List<String> names;
    private final Set<Permission> boundingSet;

    private AuthorizationLimits(List<String> names, Set<Permission> boundingSet) {
        this.names = names;
        this.boundingSet = boundingSet;
    }

    /** The comma/space separated list; unknown names are kept as names but grant nothing. */
    public static AuthorizationLimits parse(String list) {
        List<String> names = new ArrayList<>();
        Set<Permission> set = EnumSet.of(Permission.ALLOW);
        for (String item : ConfigLiterals.listItems(list)) {
            names.add(item);
            Permission.parse(item).ifPresent(p -> set.addAll(p.withImplied()));
        }
        return new AuthorizationLimits(List.copyOf(names), Collections.unmodifiableSet(set));
    }

    /** A level and the levels it implies: what a CLAIMTOBE session is limited to. */
    public static AuthorizationLimits forLevel(Permission level) {
        List<String> names = new ArrayList<>();
        addWithImplied(level, names);
        return parse(String.join(",", names));
    }

    /** The level first, then what it implies, in HTCondor's order (e.g. {@code WRITE,READ}). */
    private static void addWithImplied(Permission level, List<String> names) {
        if (!names.contains(level.name())) {
            names.add(level.name());
            for (Permission implied : level.directlyImplies()) {
                addWithImplied(implied, names);
            }
        }
    }

    /** The names as given (not expanded): what a session token inherits when a request names none. */
    public List<String> names() {
        return names;
    }

    public Set<Permission> boundingSet() {
        return boundingSet;
    }

    /** Does a command registered at {@code level} with these alternates pass the limit? */
    public boolean permits(Permission level, List<Permission> alternates) {
        if (level == Permission.ALLOW || boundingSet.contains(level)) {
            return true;
        }
        for (Permission alt : alternates) {
            if (alt == Permission.ALLOW || boundingSet.contains(alt)) {
                return true;
            }
        }
        return false;
    }

    /** Exact, case-sensitive membership of a requested name in the bounding set (30 §3.3 step 3). */
    public boolean containsName(String requested) {
        for (Permission p : boundingSet) {
            if (p.name().equals(requested)) {
                return true;
            }
        }
        return false;
    }

    public String wireValue() {
        return String.join(",", names);
    }

    public static Optional<AuthorizationLimits> ofNullable(String list) {
        return list == null || list.isBlank() ? Optional.empty() : Optional.of(parse(list));
    }
}
