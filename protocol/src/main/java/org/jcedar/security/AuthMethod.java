package org.jcedar.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jcedar.config.ConfigLiterals;

/**
 * HTCondor's authentication methods with their handshake bits (20 §6.2). On the wire the token method is spelled
 * TOKEN; once a session is established HTCondor reports it as IDTOKENS.
 */
public enum AuthMethod {
    CLAIMTOBE(2, "CLAIMTOBE"),
    FS(4, "FS"),
    FS_REMOTE(8, "FS_REMOTE"),
    NTSSPI(16, "NTSSPI"),
    KERBEROS(64, "KERBEROS"),
    ANONYMOUS(128, "ANONYMOUS"),
    SSL(256, "SSL"),
    PASSWORD(512, "PASSWORD"),
    MUNGE(1024, "MUNGE"),
    TOKEN(2048, "IDTOKENS"),
    SCITOKENS(4096, "SCITOKENS");

    private final int bit;
    private final String reportedName;

    AuthMethod(int bit, String reportedName) {
        this.bit = bit;
        this.reportedName = reportedName;
    }

    public int bit() {
        return bit;
    }

    /** The name in negotiated method lists (TOKEN, never IDTOKENS: a real server would not match it). */
    public String wireName() {
        return name();
    }

    /** The name a session records as "method used" (condor_ping's "Authenticated using"). */
    public String reportedName() {
        return reportedName;
    }

    /** Case-insensitive, with the spellings HTCondor accepts for the token methods. GSI is gone: empty. */
    public static Optional<AuthMethod> parse(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "TOKEN": case "TOKENS": case "IDTOKEN": case "IDTOKENS": return Optional.of(TOKEN);
            case "SCITOKEN": case "SCITOKENS": return Optional.of(SCITOKENS);
            default:
                for (AuthMethod m : values()) {
                    if (m.name().equals(upper)) {
                        return Optional.of(m);
                    }
                }
                return Optional.empty();
        }
    }

    public static Optional<AuthMethod> fromBit(long bit) {
        for (AuthMethod m : values()) {
            if (m.bit == bit) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** A comma/space separated method list, unknown names dropped, duplicates removed, order kept. */
    public static List<AuthMethod> parseList(String list) {
        List<AuthMethod> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String item : ConfigLiterals.listItems(list)) {
            parse(item).filter(m -> !out.contains(m)).ifPresent(out::add);
        }
        return out;
    }

    public static String wireList(List<AuthMethod> methods) {
        return String.join(",", methods.stream().map(AuthMethod::wireName).toList());
    }

    public static long bitmask(List<AuthMethod> methods) {
        long mask = 0;
        for (AuthMethod m : methods) {
            mask |= m.bit;
        }
        return mask;
    }
}
