package org.jcedar.cli;

/**
 * HTCondor's command-line option matching (match_prefix.h {@code is_dash_arg_prefix}): {@code -ide} matches
 * {@code identity} if it is a prefix at least {@code minLength} characters long; with two dashes the whole
 * name must be given. The colon form ({@code -debug:D_FULLDEBUG}) ends the name at ':'.
 */
final class DashOption {
    private DashOption() {
    }

    static boolean matches(String arg, String name, int minLength) {
        if (!arg.startsWith("-")) {
            return false;
        }
        String given = arg.substring(1);
        if (given.startsWith("-")) {
            return given.substring(1).equals(name);
        }
        return !given.isEmpty() && name.startsWith(given) && given.length() >= minLength;
    }

    static boolean matchesWithColon(String arg, String name, int minLength) {
        int colon = arg.indexOf(':');
        return matches(colon < 0 ? arg : arg.substring(0, colon), name, minLength);
    }
}
