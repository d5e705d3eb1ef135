package org.jcedar.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand side of {@code use CATEGORY : NAME(args), NAME2, ...}: metaknob names separated by commas or
 * white space, each optionally followed by parenthesised arguments (which may nest parentheses and brackets).
 * Parsed as HTCondor does, including two of its quirks: a name without arguments reuses the arguments of the
 * previous name, and a trailing separator applies the last name once more.
 */
record MetaknobUse(String name, String arguments) {
    /** HTCondor gives up matching nested parentheses this deep. */
    private static final int MAX_BRACE_DEPTH = 25;

    static List<MetaknobUse> parseList(String rhs) {
        List<MetaknobUse> uses = new ArrayList<>();
        String name = "";
        String arguments = "";
        int pos = 0;
        int n = rhs.length();
        while (pos < n) {
            int p = pos;
            while (p < n && (Ascii.isSpace(rhs.charAt(p)) || rhs.charAt(p) == ',')) {
                p++;
            }
            int e = p;
            while (e < n && !Ascii.isSpace(rhs.charAt(e)) && rhs.charAt(e) != ',' && rhs.charAt(e) != '(') {
                e++;
            }
            if (e == pos) {
                break;
            }
            if (e > p) {
                name = rhs.substring(p, e);
                p = e;
                while (p < n && Ascii.isSpace(rhs.charAt(p))) {
                    p++;
                }
                if (p < n && rhs.charAt(p) == '(') {
                    int close = closingBrace(rhs, p, MAX_BRACE_DEPTH);
                    if (close >= 0 && rhs.charAt(close) == ')') {
                        arguments = rhs.substring(p + 1, close);
                        p = close;
                    }
                    p++;
                    while (p < n && Ascii.isSpace(rhs.charAt(p))) {
                        p++;
                    }
                }
                e = p;
            }
            uses.add(new MetaknobUse(name, arguments));
            pos = e;
        }
        return uses;
    }

    /**
     * The index of the brace closing the one at {@code open}, skipping nested {@code (} and {@code [} groups;
     * -1 if it is not closed or nests deeper than {@code depth}.
     */
    private static int closingBrace(String s, int open, int depth) {
        if (depth < 0 || open >= s.length()) {
            return -1;
        }
        char opening = s.charAt(open);
        char closing = opening == '(' ? ')' : opening == '[' ? ']' : opening;
        int p = open + 1;
        while (p < s.length() && s.charAt(p) != closing) {
            char c = s.charAt(p);
            if (c == opening || c == '(' || c == '[') {
                int inner = closingBrace(s, p, depth - 1);
                if (inner < 0) {
                    return -1;
                }
                p = inner;
            }
            p++;
        }
        return p < s.length() ? p : -1;
    }

    /** Whether a metaknob's statements use arguments ({@code $(<digit>...)}). */
    static boolean hasArgumentReferences(String body) {
        int p = body.indexOf("$(");
        while (p >= 0) {
            if (p + 2 < body.length() && Ascii.isDigit(body.charAt(p + 2))) {
                return true;
            }
            p = body.indexOf("$(", p + 2);
        }
        return false;
    }

    /**
     * {@code body} with its argument references replaced from this use's comma-separated arguments:
     * {@code $(0)} all of them, {@code $(0#)} their count, {@code $(N)} the Nth, {@code $(N+)} (or {@code N#})
     * the Nth and all after it, {@code $(N?)} 1 or 0 for whether the Nth is non-empty, {@code $(N:def)} a
     * default. Substituted text is scanned again, as in HTCondor.
     */
    String substituteArguments(String body, ExpansionBudget budget) throws EvaluationException {
        String s = body;
        MacroReference ref;
        while ((ref = MacroScanner.nextMetaArgument(s, 0)) != null) {
            String replacement = argumentValue(ref.body());
            budget.charge(ref.start() + replacement.length() + s.length() - ref.end());
            s = s.substring(0, ref.start()) + replacement + s.substring(ref.end());
        }
        return s;
    }

    private String argumentValue(String body) {
        int p = 0;
        while (p < body.length() && Ascii.isDigit(body.charAt(p))) {
            p++;
        }
        long index = parseIndex(body.substring(0, p));
        boolean emptyCheck = false;
        boolean fromIndexOn = false;
        if (p < body.length() && body.charAt(p) == '?') {
            emptyCheck = true;
            p++;
        } else if (p < body.length() && (body.charAt(p) == '#' || body.charAt(p) == '+')) {
            fromIndexOn = true;
            p++;
        }
        String fallback = p < body.length() && body.charAt(p) == ':' ? body.substring(p + 1) : null;

        String value;
        if (index <= 0) {
            value = fromIndexOn ? Integer.toString(MacroFunctions.tokens(arguments, ",").size()) : arguments;
        } else if (fromIndexOn) {
            value = remainderFrom(index);
            if (fallback != null && value.isEmpty()) {
                value = fallback;
            }
        } else {
            List<String> items = MacroFunctions.tokens(arguments, ",");
            if (index <= items.size()) {
                value = items.get((int) index - 1);
            } else {
                value = fallback != null ? fallback : "";
            }
        }
        value = Ascii.trim(value);
        if (emptyCheck) {
            value = value.isEmpty() ? "0" : "1";
        }
        return value;
    }

    /** The arguments text from the {@code index}'th item on (1-based), without the comma before it. */
    private String remainderFrom(long index) {
        int pos = 0;
        int n = arguments.length();
        for (long ix = 1; ix < index; ix++) {
            // skip one token, as StringTokenIterator does: separators and space, then up to the next comma
            while (pos < n && (arguments.charAt(pos) == ',' || Ascii.isSpace(arguments.charAt(pos)))) {
                pos++;
            }
            if (pos >= n) {
                return "";
            }
            while (pos < n && arguments.charAt(pos) != ',') {
                pos++;
            }
        }
        if (pos >= n) {
            return "";
        }
        String rest = arguments.substring(pos);
        return rest.startsWith(",") ? rest.substring(1) : rest;
    }

    private static long parseIndex(String digits) {
        if (digits.length() > 9) {
            return Integer.MAX_VALUE;
        }
        return Long.parseLong(digits);
    }
}
