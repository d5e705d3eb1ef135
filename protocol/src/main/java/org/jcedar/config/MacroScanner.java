package org.jcedar.config;

/**
 * Finds the next macro reference in a value the way HTCondor's expander does: a {@code $}, optional letters,
 * digits and underscores, then {@code (}. A plain {@code $(...)} or {@code $ENV(...)} body must be a knob name
 * (letters, digits, {@code _ . /}), optionally followed by a colon and a default made of those characters, spaces,
 * commas, {@code $ \ :} and parenthesised groups; anything else means the text is not a reference and is left
 * as it is. Other functions take anything up to the first {@code )}. Metaknob argument references
 * ({@code $(1)}, {@code $(0#)}, {@code $(2:default)}, ...) have bodies of digits and {@code ? # +}.
 */
final class MacroScanner {
    /** The characters, besides name characters, a default after the colon may contain. */
    private static final String DEFAULT_EXTRA_CHARS = "$ ,\\:";

    /** Decides which references a pass skips (e.g. everything but self references, or {@code $(DOLLAR)}). */
    interface Filter {
        boolean skip(MacroFunction function, String body);
    }

    private MacroScanner() {
    }

    /** The first reference at or after {@code from} that {@code filter} does not skip, or null. */
    static MacroReference next(String s, int from, Filter filter) {
        return scan(s, from, filter, false);
    }

    /** The first metaknob argument reference ({@code $(<digits>...)}) at or after {@code from}, or null. */
    static MacroReference nextMetaArgument(String s, int from) {
        return scan(s, from, (f, body) -> body.isEmpty() || !Ascii.isDigit(body.charAt(0)), true);
    }

    private static MacroReference scan(String s, int from, Filter filter, boolean metaArguments) {
        int pos = from;
        int length = s.length();
        while (true) {
            int dollar = s.indexOf('$', pos);
            if (dollar < 0) {
                return null;
            }
            int p = dollar + 1;
            if (p < length && s.charAt(p) == '$') {
                p++;
            }
            while (p < length && (Ascii.isAlnum(s.charAt(p)) || s.charAt(p) == '_')) {
                p++;
            }
            if (p >= length || s.charAt(p) != '(') {
                pos = p;
                continue;
            }
            String between = s.substring(dollar + 1, p);
            MacroFunction function = functionOf(between, metaArguments);
            if (function == null) {
                pos = p;
                continue;
            }
            int bodyStart = p + 1;
            int close = bodyEnd(s, bodyStart, function, metaArguments);
            if (close < 0) {
                pos = bodyStart;
                continue;
            }
            String body = s.substring(bodyStart, close);
            if (filter.skip(function, body)) {
                pos = close;
                continue;
            }
            return new MacroReference(dollar, close + 1, function, between, body);
        }
    }

    private static MacroFunction functionOf(String between, boolean metaArguments) {
        if (between.startsWith("$")) {
            return null; // $$(...) belongs to job submission, not to configuration
        }
        if (metaArguments) {
            return between.isEmpty() ? MacroFunction.LOOKUP : null;
        }
        return MacroFunction.named(between);
    }

    /** The index of the closing parenthesis of a body starting at {@code start}, or -1 if it is no reference. */
    private static int bodyEnd(String s, int start, MacroFunction function, boolean metaArguments) {
        int length = s.length();
        int v = start;
        if (!metaArguments && !function.takesNameAndDefault()) {
            while (v < length && s.charAt(v) != ')') {
                v++;
            }
            return v < length ? v : -1;
        }
        boolean afterColon = false;
        while (v < length && s.charAt(v) != ')') {
            char c = s.charAt(v++);
            if (c == ':' && !afterColon) {
                afterColon = true;
                continue;
            }
            if (afterColon) {
                if (c == '(') {
                    int close = s.indexOf(')', v);
                    if (close >= 0) {
                        v = close + 1;
                        continue;
                    }
                } else if (metaArguments || DEFAULT_EXTRA_CHARS.indexOf(c) >= 0) {
                    continue;
                }
            }
            boolean allowed = metaArguments
                    ? Ascii.isDigit(c) || c == '?' || c == '#' || c == '+'
                    : Ascii.isNameChar(c);
            if (!allowed) {
                return -1;
            }
        }
        return v < length ? v : -1;
    }
}
