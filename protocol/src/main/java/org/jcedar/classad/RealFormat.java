package org.jcedar.classad;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How HTCondor's unparser writes reals (ClassAdUnParser::UnparseReal). Java's Formatter differs from C's
 * printf (%G keeps trailing zeros and rounds the shortest decimal representation instead of the exact
 * binary value), so the C rules are implemented here on the exact value with round-half-even.
 */
final class RealFormat {
    private RealFormat() {
    }

    /** Old syntax: printf("%.16G"), plus ".0" when that looks like an integer. */
    static String oldSyntax(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(16, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String text;
        if (exponent >= -4 && exponent < 16) {
            text = rounded.stripTrailingZeros().toPlainString();
        } else {
            String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
            text = (value < 0 ? "-" : "") + digits.charAt(0)
                    + (digits.length() > 1 ? "." + digits.substring(1) : "") + exponent(exponent);
        }
        return text.indexOf('.') < 0 && text.indexOf('E') < 0 ? text + ".0" : text;
    }

    /** New syntax (what string() and strcat() produce): printf("%1.15E"). */
    static String newSyntax(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(16, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        StringBuilder digits = new StringBuilder(rounded.unscaledValue().abs().toString());
        while (digits.length() < 16) {
            digits.append('0');
        }
        return (value < 0 ? "-" : "") + digits.charAt(0) + "." + digits.substring(1, 16) + exponent(exponent);
    }

    /** Zero keeps its sign as "%.1f" writes it; NaN and infinities are written as the call that makes them. */
    private static String special(double value) {
        if (value == 0.0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        if (Double.isNaN(value)) {
            return "real(\"NaN\")";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "real(\"-INF\")" : "real(\"INF\")";
        }
        return null;
    }

    /** C's exponent suffix: 'E', a sign and at least two digits. */
    private static String exponent(int exponent) {
        String digits = Integer.toString(Math.abs(exponent));
        return "E" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
    }
}
