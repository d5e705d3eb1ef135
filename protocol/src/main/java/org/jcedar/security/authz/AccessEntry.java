package org.jcedar.security.authz;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of an ALLOW_* or DENY_* list: a user pattern and a host pattern, split as HTCondor splits them
 * (20 §13.6): {@code alice@example.org}, {@code host.example.org}, {@code 10.0.0.0/8}, {@code user@dom/host},
 * {@code * / host}, {@code user/net/mask}.
 */
public record AccessEntry(WildcardPattern user, HostPattern host) {

    /** One configuration entry; entries naming {@code condor@...} also stand for {@code condor_pool@...} and back. */
    public static List<AccessEntry> parse(String entry) {
        String userPart;
        String hostPart;
        int slash = entry.indexOf('/');
        if (slash < 0) {
            if (entry.indexOf('@') >= 0) {
                userPart = entry;
                hostPart = "*";
            } else {
                userPart = "*";
                int colon = entry.indexOf(':');
                // "host:port" entries name the host; an IPv6 literal keeps its colons
                hostPart = colon >= 0 && HostPattern.ipLiteral(entry).isEmpty() ? entry.substring(0, colon) : entry;
            }
        } else if (entry.indexOf('/', slash + 1) >= 0) {
            userPart = entry.substring(0, slash);
            hostPart = entry.substring(slash + 1);
        } else {
            int at = entry.indexOf('@');
            if ((at >= 0 && at < slash) || entry.startsWith("*")) {
                userPart = entry.substring(0, slash);
                hostPart = entry.substring(slash + 1);
            } else if (HostPattern.ipLiteral(entry.substring(0, slash)).isPresent()) {
                userPart = "*";
                hostPart = entry;
            } else {
                userPart = entry.substring(0, slash);
                hostPart = entry.substring(slash + 1);
            }
        }
        HostPattern host = HostPattern.parse(hostPart);
        List<AccessEntry> out = new ArrayList<>();
        out.add(new AccessEntry(new WildcardPattern(userPart), host));
        String lower = userPart.toLowerCase(Locale.ROOT);
        if (lower.startsWith("condor@")) {
            out.add(new AccessEntry(new WildcardPattern("condor_pool@" + userPart.substring(7)), host));
        } else if (lower.startsWith("condor_pool@")) {
            out.add(new AccessEntry(new WildcardPattern("condor@" + userPart.substring(12)), host));
        }
        return out;
    }

    public boolean matches(String identity, InetAddress peer) {
        return user.matches(identity) && host.matches(peer);
    }
}
