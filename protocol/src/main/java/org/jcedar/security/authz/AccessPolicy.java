package org.jcedar.security.authz;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcedar.config.ConfigLiterals;
import org.jcedar.security.Permission;

/**
 * The ALLOW/DENY lists of one authorization level and how they combine (20 §13.5): a DENY of everyone wins; an
 * ALLOW of everyone grants all not denied; with no ALLOW list READ and WRITE are open (unless denied) while every
 * other level is closed; otherwise entries decide, a matching DENY beating any ALLOW.
 */
public final class AccessPolicy {

    /** What a level's lists say about one peer. */
    public enum Verdict { GRANTED, DENIED, NO_MATCH }

    private enum Mode { ALLOW_ALL, DENY_ALL, ONLY_DENIES, TABLE }

    private final Mode mode;
    private final List<AccessEntry> allow;
    private final List<AccessEntry> deny;

    private AccessPolicy(Mode mode, List<AccessEntry> allow, List<AccessEntry> deny) {
        this.mode = mode;
        this.allow = allow;
        this.deny = deny;
    }

    public static AccessPolicy of(Permission level, Optional<String> allowList, Optional<String> denyList) {
        List<String> allowItems = allowList.map(ConfigLiterals::listItems).orElse(List.of());
        List<String> denyItems = denyList.map(ConfigLiterals::listItems).orElse(List.of());
        boolean allowEveryone = allowItems.size() == 1 && isEveryone(allowItems.get(0));
        boolean denyEveryone = denyItems.stream().anyMatch(AccessPolicy::isEveryone);
        Mode mode;
        if (denyEveryone) {
            mode = Mode.DENY_ALL;
        } else if (allowItems.isEmpty() && level != Permission.READ && level != Permission.WRITE) {
            mode = Mode.DENY_ALL;
        } else if (allowItems.isEmpty() || allowEveryone) {
            mode = denyItems.isEmpty() ? Mode.ALLOW_ALL : Mode.ONLY_DENIES;
        } else {
            mode = Mode.TABLE;
        }
        return new AccessPolicy(mode, entries(allowItems), entries(denyItems));
    }

    public Verdict verdict(String identity, InetAddress peer) {
        switch (mode) {
            case ALLOW_ALL:
                return Verdict.GRANTED;
            case DENY_ALL:
                return Verdict.DENIED;
            case ONLY_DENIES:
                return anyMatch(deny, identity, peer) ? Verdict.DENIED : Verdict.GRANTED;
            default:
                if (anyMatch(deny, identity, peer)) {
                    return Verdict.DENIED;
                }
                return anyMatch(allow, identity, peer) ? Verdict.GRANTED : Verdict.NO_MATCH;
        }
    }

    private static boolean anyMatch(List<AccessEntry> entries, String identity, InetAddress peer) {
        for (AccessEntry e : entries) {
            if (e.matches(identity, peer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEveryone(String item) {
        return item.equals("*") || item.equals("*/*");
    }


    private static List<AccessEntry> entries(List<String> items) {
        List<AccessEntry> out = new ArrayList<>();
        for (String item : items) {
            if (!item.startsWith("+")) { // netgroups are not supported
                out.addAll(AccessEntry.parse(item));
            }
        }
        return List.copyOf(out);
    }
}
