package org.jcedar.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the condition of an {@code if} or {@code elif} line as HTCondor does. After expanding any
 * {@code $(...)} (a condition that expands to nothing is false) and an optional leading {@code !}, a condition is
 * one of: a number (true unless zero), {@code true}/{@code false} (also {@code yes}/{@code no}/{@code t}/{@code f}),
 * {@code version <op> X.Y[.Z]} (compared with the version we reproduce; a missing .Z takes ours), or
 * {@code defined NAME} / {@code defined use CATEGORY[:NAME]}. Anything else is an error, as in HTCondor, which
 * does not evaluate "complex conditionals" in configuration files.
 */
final class IfCondition {
    private final MacroExpander expander;
    private final MetaknobTable metaknobs;
    private final HtcondorVersion version;

    IfCondition(MacroExpander expander, MetaknobTable metaknobs, HtcondorVersion version) {
        this.expander = expander;
        this.metaknobs = metaknobs;
        this.version = version;
    }

    /** The truth of {@code condition}, or a {@link EvaluationException} saying why it is not one. */
    boolean test(String condition) throws EvaluationException {
        String expr = condition;
        boolean expanded = false;
        if (expr.indexOf('$') >= 0) {
            expr = stripTrailingSpace(expander.expand(expr, "the condition '" + condition + "'"));
            expanded = true;
        }
        expr = stripLeadingSpace(expr);
        boolean inverted = false;
        if (expr.startsWith("!")) {
            inverted = true;
            expr = stripLeadingSpace(expr.substring(1));
        }
        boolean value = expanded && expr.isEmpty() ? false : evaluate(expr);
        return inverted != value;
    }

    private boolean evaluate(String expr) throws EvaluationException {
        Kind kind = characterize(expr, true);
        switch (kind) {
            case NUMBER:
                return numberIsTrue(expr);
            case BOOLEAN:
                return matchesWord(expr, "true");
            case VERSION:
                return compareVersion(expr);
            case DEFINED:
                return defined(expr);
            case IDENTIFIER:
                if (matchesWord(expr, "yes") || matchesWord(expr, "t")) {
                    return true;
                }
                if (matchesWord(expr, "no") || matchesWord(expr, "f")) {
                    return false;
                }
                throw new EvaluationException("'" + expr + "' is not a valid condition because"
                        + " the expression is not a conditional");
            case COMPLEX:
                throw new EvaluationException("'" + expr + "' is not a valid condition because"
                        + " complex conditionals are not supported");
            default:
                throw new EvaluationException("'" + expr + "' is not a valid condition because"
                        + " the expression is not a conditional");
        }
    }

    /** version (==|=|!=|<|<=|>|>=) X.Y[.Z]: HTCondor's scalar comparison. */
    private boolean compareVersion(String expr) throws EvaluationException {
        int p = skipSpace(expr, "version".length());
        boolean negated = p < expr.length() && expr.charAt(p) == '!';
        if (negated) {
            p++;
        }
        int op = 0;
        boolean orEqual = false;
        if (p < expr.length() && expr.charAt(p) >= '<' && expr.charAt(p) <= '>') {
            op = expr.charAt(p++) - '=';
        }
        if (p < expr.length() && expr.charAt(p) == '=') {
            orEqual = true;
            p++;
        }
        p = skipSpace(expr, p);
        if (p < expr.length() && (expr.charAt(p) == 'v' || expr.charAt(p) == 'V')) {
            p++;
        }
        long other = versionLiteral(expr.substring(p));
        int diff = Long.compare(version.scalar(), other);
        boolean result = diff == op || (orEqual && diff == 0);
        return negated != result;
    }

    /** sscanf("%d.%d.%d"): at least major and minor, major 6 or more; a missing subminor is ours. */
    private long versionLiteral(String text) throws EvaluationException {
        int[] fields = new int[3];
        int count = 0;
        int p = 0;
        while (count < 3) {
            int start = skipSpace(text, p);
            int q = start;
            if (q < text.length() && (text.charAt(q) == '+' || text.charAt(q) == '-')) {
                q++;
            }
            int digits = q;
            while (q < text.length() && Ascii.isDigit(text.charAt(q)) && q - digits < 9) {
                q++;
            }
            if (q == digits) {
                break;
            }
            fields[count++] = Integer.parseInt(text.substring(start, q).replace("+", ""));
            if (count < 3) {
                if (q >= text.length() || text.charAt(q) != '.') {
                    break;
                }
                q++;
            }
            p = q;
        }
        if (count < 2 || fields[0] < 6) {
            throw new EvaluationException("'" + text + "' is not a valid condition because"
                    + " the version literal is invalid");
        }
        int subminor = count < 3 ? version.subminor() : fields[2];
        if (fields[1] > 99 || subminor > 99) {
            // HTCondor compares against an uninitialised number here; we refuse instead.
            throw new EvaluationException("'" + text + "' is not a valid condition because"
                    + " the version literal is out of range");
        }
        return fields[0] * 1_000_000L + fields[1] * 1_000L + subminor;
    }

    /** defined NAME (true when set and not empty), defined TRUE/1 (true), defined use CAT[:NAME]. */
    private boolean defined(String expr) throws EvaluationException {
        String arg = stripLeadingSpace(expr.substring("defined".length()));
        if (arg.isEmpty()) {
            return false;
        }
        Kind kind = characterize(arg, false);
        if (kind == Kind.IDENTIFIER) {
            String value = expander.macros().lookup(arg);
            if (value == null && (matchesWord(arg, "yes") || matchesWord(arg, "t") || matchesWord(arg, "no")
                    || matchesWord(arg, "f"))) {
                return true;
            }
            return value != null && !value.isEmpty();
        }
        if (kind == Kind.NUMBER || kind == Kind.BOOLEAN) {
            return true;
        }
        if (Ascii.startsWithIgnoreCase(arg, "use ")) {
            String use = stripLeadingSpace(arg.substring(4));
            if (use.indexOf(' ') >= 0 || use.indexOf('\t') >= 0 || use.indexOf('\r') >= 0) {
                throw new EvaluationException("'" + expr + "' is not a valid condition because"
                        + " defined use meta argument with internal spaces will never match");
            }
            int colon = use.indexOf(':');
            String category = colon < 0 ? use : use.substring(0, colon);
            if (!metaknobs.hasCategory(category)) {
                return false;
            }
            return colon < 0 || colon == use.length() - 1
                    || metaknobs.body(category, use.substring(colon + 1)).isPresent();
        }
        throw new EvaluationException("'" + expr + "' is not a valid condition because"
                + " defined argument must be param name, boolean, or number");
    }

    /** What atof reads: sign, digits with an optional point, an optional exponent. */
    private static final Pattern DECIMAL_PREFIX = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private enum Kind { EMPTY, NUMBER, BOOLEAN, IDENTIFIER, MACRO, VERSION, DEFINED, COMPLEX }

    // Character classes HTCondor sorts a condition's characters into.
    private static final int SPACE = 0x01;
    private static final int DIGIT = 0x02;
    private static final int ALPHA = 0x04;
    private static final int IDENT = 0x08;
    private static final int COMPARE = 0x10;
    private static final int SUM = 0x20;
    private static final int LOGIC = 0x40;
    private static final int GROUP = 0x80;
    private static final int MONEY = 0x100;
    private static final int COLON = 0x200;
    private static final int OTHER = 0x400;
    private static final int FLOAT = 0x1000;
    private static final int MACRO = 0x2000;

    /** HTCondor's classification of a condition by the set of character classes it contains. */
    private static Kind characterize(String expr, boolean keywords) {
        int p = skipSpace(expr, 0);
        if (p >= expr.length()) {
            return Kind.EMPTY;
        }
        int begin = p;
        if (expr.charAt(p) == '-') {
            p++;
        }
        int set = 0;
        int n = expr.length();
        while (p < n) {
            char ch = expr.charAt(p++);
            char next = p < n ? expr.charAt(p) : 0;
            if (Ascii.isDigit(ch)) {
                set |= DIGIT;
            } else if (ch == '.') {
                set |= (set == DIGIT || next == 0 || Ascii.isDigit(next)) ? FLOAT : IDENT;
            } else if (ch == 'e' || ch == 'E') {
                set |= ((set & ~FLOAT) == DIGIT) ? FLOAT : ALPHA;
            } else if (ch == '-' || ch == '+') {
                if (set != (DIGIT | FLOAT)) {
                    set |= SUM;
                }
            } else if (Ascii.isAlpha(ch)) {
                set |= ALPHA;
            } else if (ch == '_' || ch == '/') {
                set |= IDENT;
            } else if (ch >= '<' && ch <= '>') {
                set |= COMPARE;
            } else if (ch == '!' && next == '=') {
                set |= COMPARE;
            } else if (ch == '$') {
                set |= MONEY;
                if (next == '(') {
                    set |= MACRO;
                }
            } else if (Ascii.isSpace(ch)) {
                if (next != 0 && !Ascii.isSpace(next)) {
                    set |= SPACE;
                }
            } else if (ch == '&' || ch == '|') {
                set |= LOGIC;
            } else if (ch == '{' || ch == '|' || ch == '}' || ch == '(' || ch == ')' || ch == '[' || ch == ']') {
                set |= GROUP;
            } else if (ch == ':') {
                set |= COLON;
            } else {
                set |= OTHER;
            }
        }
        switch (set) {
            case 0:
                return Kind.EMPTY;
            case DIGIT:
            case DIGIT | FLOAT:
                return Kind.NUMBER;
            case ALPHA:
                if (matchesWord(expr, "false") || matchesWord(expr, "true")) {
                    return Kind.BOOLEAN;
                }
                if (keywords && matchesWord(expr.substring(begin), "version")) {
                    return Kind.VERSION;
                }
                if (keywords && matchesWord(expr.substring(begin), "defined")) {
                    return Kind.DEFINED;
                }
                return Kind.IDENTIFIER;
            case ALPHA | DIGIT:
            case ALPHA | DIGIT | FLOAT:
            case ALPHA | IDENT:
            case ALPHA | IDENT | DIGIT:
            case ALPHA | IDENT | DIGIT | FLOAT:
                return Kind.IDENTIFIER;
            case ALPHA | SPACE | COMPARE | DIGIT:
            case ALPHA | SPACE | COMPARE | DIGIT | FLOAT:
                return keywords && startsWithWord(expr.substring(begin), "version") ? Kind.VERSION : Kind.COMPLEX;
            case ALPHA | SPACE:
            case ALPHA | SPACE | COLON:
            case ALPHA | SPACE | IDENT:
            case ALPHA | SPACE | IDENT | COLON:
            case ALPHA | SPACE | DIGIT:
            case ALPHA | SPACE | DIGIT | IDENT:
            case ALPHA | SPACE | DIGIT | FLOAT:
            case ALPHA | SPACE | DIGIT | IDENT | FLOAT:
                return keywords && startsWithWord(expr.substring(begin), "defined") ? Kind.DEFINED : Kind.COMPLEX;
            default:
                break;
        }
        if ((set & MACRO) != 0 && (set & ~(MONEY | IDENT | ALPHA | DIGIT | MACRO | COLON)) == 0) {
            return Kind.MACRO;
        }
        return Kind.COMPLEX;
    }

    /** atof(expr) != 0: the longest leading decimal number, as a double, is not zero. */
    private static boolean numberIsTrue(String expr) {
        Matcher m = DECIMAL_PREFIX.matcher(Ascii.trim(expr));
        if (!m.lookingAt()) {
            return false;
        }
        double value = Double.parseDouble(m.group());
        return value != 0.0;
    }

    /** HTCondor's matches_literal_ignore_case with no trailing token: the whole text is the lower-case word. */
    private static boolean matchesWord(String text, String word) {
        String t = Ascii.trim(text);
        return Ascii.equalsIgnoreCase(t, word);
    }

    /** The word after leading space, followed by something that is not a letter or digit. */
    private static boolean startsWithWord(String text, String word) {
        String t = stripLeadingSpace(text);
        return Ascii.startsWithIgnoreCase(t, word)
                && (t.length() == word.length() || !Ascii.isAlnum(t.charAt(word.length())));
    }

    private static int skipSpace(String s, int from) {
        int p = from;
        while (p < s.length() && Ascii.isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static String stripLeadingSpace(String s) {
        return s.substring(skipSpace(s, 0));
    }

    private static String stripTrailingSpace(String s) {
        int end = s.length();
        while (end > 0 && Ascii.isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
