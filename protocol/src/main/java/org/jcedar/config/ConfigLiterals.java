package org.jcedar.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Booleans and integers in knob values, read as HTCondor reads their literal forms. HTCondor falls back to
 * evaluating other text as a ClassAd expression; that is left to callers with an evaluator, so such text is
 * "not a literal" here.
 */
public final class ConfigLiterals {
    private static final Pattern INTEGER = Pattern.compile("[ \t\n\r\f\u000b]*([-+]?\\d+)[ \t\n\r\f\u000b]*");

    private ConfigLiterals() {
    }

    /**
     * The items of a list value as HTCondor's StringList splits them: at commas and white space, empty items
     * dropped. Configuration lists (getList) and the method lists in security ads both use it.
     */
    public static List<String> listItems(String value) {
        return MacroFunctions.tokens(value, ", \t\r\n");
    }

    /** {@code true}/{@code false}/{@code 1}/{@code 0} (any case), optionally followed by white space. */
    public static Optional<Boolean> parseBoolean(String value) {
        String rest;
        boolean result;
        if (Ascii.startsWithIgnoreCase(value, "true")) {
            rest = value.substring(4);
            result = true;
        } else if (value.startsWith("1")) {
            rest = value.substring(1);
            result = true;
        } else if (Ascii.startsWithIgnoreCase(value, "false")) {
            rest = value.substring(5);
            result = false;
        } else if (value.startsWith("0")) {
            rest = value.substring(1);
            result = false;
        } else {
            return Optional.empty();
        }
        return StatementSyntax.isBlank(rest) ? Optional.of(result) : Optional.empty();
    }

    /**
     * HTCondor's lenient reading used for a few knobs (REQUIRE_LOCAL_CONFIG_FILE): a value starting with t or f
     * is true or false whatever follows; otherwise as {@link #parseBoolean}.
     */
    static Optional<Boolean> parseLenientBoolean(String value) {
        if (!value.isEmpty() && (value.charAt(0) == 't' || value.charAt(0) == 'T')) {
            return Optional.of(true);
        }
        if (!value.isEmpty() && (value.charAt(0) == 'f' || value.charAt(0) == 'F')) {
            return Optional.of(false);
        }
        return parseBoolean(value);
    }

    /** A decimal integer with optional sign and surrounding white space, if it fits in a long. */
    static OptionalLong parseInteger(String value) {
        Matcher m = INTEGER.matcher(value);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
