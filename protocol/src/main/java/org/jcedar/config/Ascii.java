package org.jcedar.config;

/**
 * Character classes as HTCondor's configuration code sees them: the C library's {@code isspace},
 * {@code isalnum} and {@code isdigit} in the "C" locale (ASCII only), and the characters HTCondor allows in a
 * knob name. {@link Character}'s methods would also accept non-ASCII letters and spaces, which HTCondor does not.
 */
final class Ascii {
    private Ascii() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    /** A character of a knob name: letters, digits and {@code _ . /}. */
    static boolean isNameChar(char c) {
        return isAlnum(c) || c == '_' || c == '.' || c == '/';
    }

    /** A valid knob name: not empty, only {@link #isNameChar} characters. */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case of ASCII letters only, as C's {@code tolower}; knob names compare this way. */
    static String lower(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out == null ? s : out.toString();
    }

    /** {@code s} without leading and trailing {@link #isSpace} characters. */
    static String trim(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isSpace(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    /** Whether {@code s} starts with {@code prefix}, ignoring the case of ASCII letters only (as strncasecmp). */
    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.length() >= prefix.length() && lower(s.substring(0, prefix.length())).equals(lower(prefix));
    }

    /** Whether the strings are equal ignoring the case of ASCII letters only (as strcasecmp). */
    static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && lower(a).equals(lower(b));
    }
}
