package org.jcedar.classad;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * regexp() with java.util.regex standing in for the PCRE2 library HTCondor links. It is close enough for
 * the patterns collector constraints use because both are Perl-style backtracking engines with the same
 * syntax for literals, classes, anchors, groups, alternation, quantifiers (greedy, lazy, possessive) and
 * the common escapes (\d \w \s \b ...), and because we make the remaining differences disappear:
 * <ul>
 * <li>HTCondor compiles without PCRE2_UTF, so it matches bytes: we match the UTF-8 bytes of pattern and
 *     target, one byte per char (ISO-8859-1), so '.' and classes count bytes as PCRE does, and \w, \d,
 *     caseless matching stay ASCII-only in both;</li>
 * <li>UNIX_LINES makes '\n' the only line end, as PCRE2's default newline;</li>
 * <li>PCRE's POSIX classes ([:digit:]), {,n}, (?P&lt;name&gt;...) and the characters Java treats specially
 *     inside a class ('[', '&&', a leading ']', and white space and '#' with the x option) are rewritten.</li>
 * </ul>
 * Options: i (caseless), m (multi-line), s (dot matches newline), x (extended); other letters are ignored,
 * as HTCondor ignores them. A pattern either engine rejects gives ERROR. Both engines give up on
 * catastrophic backtracking, but not at the same point: PCRE2 after ten million match steps (ERROR in
 * HTCondor), we after ten million character reads (ERROR), and Java finishes some matches PCRE2 abandons.
 */
final class PcreRegex {
    private static final long MAX_CHARACTER_READS = 10_000_000;

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alpha", "Alpha"), Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"), Map.entry("lower", "Lower"), Map.entry("space", "Space"),
            Map.entry("punct", "Punct"), Map.entry("print", "Print"), Map.entry("graph", "Graph"),
            Map.entry("cntrl", "Cntrl"), Map.entry("xdigit", "XDigit"), Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"));

    private PcreRegex() {
    }

    static Value matches(String pattern, String target, String options) {
        int flags = Pattern.UNIX_LINES;
        boolean extended = options.indexOf('x') >= 0;
        if (options.indexOf('i') >= 0) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (options.indexOf('m') >= 0) {
            flags |= Pattern.MULTILINE;
        }
        if (options.indexOf('s') >= 0) {
            flags |= Pattern.DOTALL;
        }
        if (extended) {
            flags |= Pattern.COMMENTS;
        }
        try {
            Pattern compiled = Pattern.compile(translate(bytes(pattern), extended), flags);
            Matcher matcher = compiled.matcher(new BudgetedText(bytes(target)));
            return Value.of(matcher.find());
        } catch (PatternSyntaxException | BudgetExceeded | StackOverflowError e) {
            // Java's regex engine recurses per repetition; a stack overflow there is a failed match
            // attempt with no state left behind, like an exhausted budget.
            return Value.ERROR;
        }
    }

    private static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Rewrites the parts of a PCRE pattern that java.util.regex reads differently. */
    static String translate(String pattern, boolean extended) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("\\Q", i)) {
                int end = pattern.indexOf("\\E", i + 2);
                int stop = end < 0 ? pattern.length() : end + 2;
                out.append(pattern, i, stop); // quoted text: no classes inside
                i = stop;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                out.append(pattern, i, i + 2);
                i += 2;
            } else if (c == '[') {
                i = characterClass(pattern, i, extended, out);
            } else if (pattern.startsWith("{,", i) && i + 2 < pattern.length() && CStrings.isDigit(pattern.charAt(i + 2))) {
                out.append("{0,"); // PCRE2 reads {,n} as {0,n}
                i += 2;
            } else if (pattern.startsWith("(?P<", i)) {
                out.append("(?<"); // Python-style named group
                i += 4;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the class that starts at {@code start}; returns the index after it. */
    private static int characterClass(String pattern, int start, boolean extended, StringBuilder out) {
        int i = start + 1;
        out.append('[');
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            out.append("\\]"); // a ']' first in a class is a literal in PCRE
            i++;
        }
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            char c = pattern.charAt(i);
            int close = c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':'
                    ? pattern.indexOf(":]", i + 2) : -1;
            if (close > 0) {
                String name = pattern.substring(i + 2, close);
                boolean negated = name.startsWith("^");
                String javaName = POSIX_CLASSES.get(negated ? name.substring(1) : name);
                if (javaName == null && !(negated ? name.substring(1) : name).equals("word")) {
                    throw new PatternSyntaxException("unknown POSIX class " + name, pattern, i);
                }
                String positive = javaName == null ? "\\w" : "\\p{" + javaName + "}";
                out.append(negated ? positive.replace("\\w", "\\W").replace("\\p", "\\P") : positive);
                i = close + 2;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                out.append(pattern, i, i + 2);
                i += 2;
            } else if (c == '[' || c == '&' || (extended && (c == '#' || CStrings.isSpace(c)))) {
                out.append(String.format("\\x%02x", (int) c)); // literal in PCRE, special to Java
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (i < pattern.length()) {
            out.append(']');
            i++;
        }
        return i;
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regular expression match too expensive", null, false, false);
        }
    }

    /** The target text, counting reads so that a pathological match ends instead of running for hours. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final long[] reads;

        BudgetedText(String text) {
            this(text, new long[1]);
        }

        private BudgetedText(String text, long[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_CHARACTER_READS) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
