package org.jcedar.security.authz;

import java.util.Locale;

/**
 * A case-insensitive glob where {@code *} matches any run of characters, anchored at both ends. HTCondor 23.9.6
 * let a pattern with a leading or middle {@code *} match any text that merely contains the rest (so
 * {@code *@example.org} matched {@code x@example.org.evil}); 24.0.23 and later anchor it, and so do we.
 */
public final class WildcardPattern {
    private final String pattern;

    public WildcardPattern(String pattern) {
        this.pattern = pattern.toLowerCase(Locale.ROOT);
    }

    public boolean matches(String text) {
        return matches(pattern, 0, text.toLowerCase(Locale.ROOT), 0);
    }

    public boolean isTotallyWild() {
        return pattern.equals("*");
    }

    @Override
    public String toString() {
        return pattern;
    }

    // Iterative two-pointer glob match with backtracking to the last star: linear in practice, no recursion.
    private static boolean matches(String p, int pi, String t, int ti) {
        int star = -1;
        int starText = 0;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                starText = ti;
            } else if (pi < p.length() && p.charAt(pi) == t.charAt(ti)) {
                pi++;
                ti++;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++starText;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
