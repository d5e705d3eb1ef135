package org.jcedar.classad;

import java.nio.charset.StandardCharsets;

/**
 * The C library string behaviour HTCondor's ClassAd code relies on, in the "C" locale: character classes,
 * strcmp/strcasecmp on the UTF-8 bytes, ASCII-only case mapping and strtod. Java's own Character and
 * String methods are Unicode-aware and would disagree with HTCondor on non-ASCII text.
 */
final class CStrings {
    private CStrings() {
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isOctalDigit(int c) {
        return c >= '0' && c <= '7';
    }

    static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    static int toUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }

    static String toLowerAscii(String s) {
        return mapAscii(s, 'A', 'Z', 'a' - 'A');
    }

    static String toUpperAscii(String s) {
        return mapAscii(s, 'a', 'z', 'A' - 'a');
    }

    /** Shifts the characters in [from, to] by {@code shift}; the same string when there are none. */
    private static String mapAscii(String s, char from, char to, int shift) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < from || s.charAt(i) > to)) {
            i++;
        }
        if (i == s.length()) {
            return s; // attribute names are looked up often: no copy when nothing changes
        }
        char[] chars = s.toCharArray();
        for (; i < chars.length; i++) {
            if (chars[i] >= from && chars[i] <= to) {
                chars[i] = (char) (chars[i] + shift);
            }
        }
        return new String(chars);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The sign (-1, 0, 1) of strcmp, or of strcasecmp when {@code ignoreCase}, on the UTF-8 encodings. */
    static int compare(String a, String b, boolean ignoreCase) {
        byte[] x = utf8(a);
        byte[] y = utf8(b);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int cx = x[i] & 0xFF;
            int cy = y[i] & 0xFF;
            if (ignoreCase) {
                cx = toLower(cx);
                cy = toLower(cy);
            }
            if (cx != cy) {
                return cx < cy ? -1 : 1;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** What strtod found at the start of a string: its value and the index just after the number. */
    record ParsedDouble(double value, int end) {
    }

    /**
     * C's strtod: optional leading white space, sign, then a decimal or hexadecimal floating number,
     * "inf", "infinity" or "nan". {@code end == 0} when no number was found (value 0).
     */
    static ParsedDouble strtod(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (startsWithIgnoreCase(s, i, "infinity")) {
            return new ParsedDouble(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i + 8);
        }
        if (startsWithIgnoreCase(s, i, "inf")) {
            return new ParsedDouble(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i + 3);
        }
        if (startsWithIgnoreCase(s, i, "nan")) {
            int end = i + 3;
            int close = end < s.length() && s.charAt(end) == '(' ? s.indexOf(')', end) : -1;
            if (close > 0 && s.substring(end + 1, close).chars().allMatch(c -> isAlnum(c) || c == '_')) {
                end = close + 1;
            }
            return new ParsedDouble(Double.NaN, end);
        }
        if (i + 1 < s.length() && s.charAt(i) == '0' && toLower(s.charAt(i + 1)) == 'x') {
            ParsedDouble hex = hexadecimal(s, i + 2, negative);
            if (hex != null) {
                return hex;
            }
        }
        int digitsStart = i;
        int digits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return new ParsedDouble(0.0, 0);
        }
        int mantissaEnd = i;
        i = exponentEnd(s, i, 'e');
        String number = s.substring(digitsStart, mantissaEnd) + (i > mantissaEnd ? s.substring(mantissaEnd, i) : "");
        if (number.startsWith(".")) {
            number = "0" + number;
        }
        double value = Double.parseDouble(number);
        return new ParsedDouble(negative ? -value : value, i);
    }

    private static ParsedDouble hexadecimal(String s, int from, boolean negative) {
        int i = from;
        StringBuilder mantissa = new StringBuilder();
        while (i < s.length() && isHexDigit(s.charAt(i))) {
            mantissa.append(s.charAt(i++));
        }
        boolean fraction = false;
        if (i < s.length() && s.charAt(i) == '.') {
            int point = i++;
            StringBuilder fractionDigits = new StringBuilder();
            while (i < s.length() && isHexDigit(s.charAt(i))) {
                fractionDigits.append(s.charAt(i++));
            }
            if (mantissa.length() == 0 && fractionDigits.length() == 0) {
                i = point;
            } else {
                fraction = true;
                mantissa.append('.').append(fractionDigits);
            }
        }
        if (mantissa.length() == 0) {
            return null; // "0x" alone: strtod reads the 0 and stops at the x
        }
        int mantissaEnd = i;
        i = exponentEnd(s, i, 'p');
        String exponent = i > mantissaEnd ? s.substring(mantissaEnd + 1, i) : "0";
        double value = Double.parseDouble("0x" + (fraction ? mantissa : mantissa + ".") + "p" + exponent);
        return new ParsedDouble(negative ? -value : value, i);
    }

    /** The end of an optional exponent ({@code marker}, sign, digits) starting at {@code i}. */
    private static int exponentEnd(String s, int i, char marker) {
        if (i < s.length() && toLower(s.charAt(i)) == marker) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < s.length() && isDigit(s.charAt(j))) {
                while (j < s.length() && isDigit(s.charAt(j))) {
                    j++;
                }
                return j;
            }
        }
        return i;
    }

    private static boolean startsWithIgnoreCase(String s, int at, String word) {
        return s.regionMatches(true, at, word, 0, word.length());
    }

    /** C's (long long) cast of a double as x86-64 performs it: NaN and out-of-range values give LLONG_MIN. */
    static long truncateToLong(double value) {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) value;
    }
}
