package org.jcedar.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTCondor's configuration macro functions other than plain look-ups: {@code $INT}, {@code $SUBSTR},
 * {@code $CHOICE}, {@code $RANDOM_CHOICE}, {@code $RANDOM_INTEGER}, the file name family {@code $F...},
 * {@code $BASENAME}, {@code $DIRNAME}, and literal-only forms of {@code $REAL}, {@code $STRING} and {@code $EVAL}
 * (HTCondor evaluates their argument as a ClassAd expression; we keep the text and say so in a warning unless it
 * is a literal). Where HTCondor aborts (a bad index or number), we throw.
 */
final class MacroFunctions {
    /** Widest printf field we format; the result is cut to {@link #INT_BUFFER_CHARS} anyway. */
    private static final int MAX_FORMAT_WIDTH = 1000;
    private static final Pattern SIMPLE_LITERAL =
            Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|(?i:true|false|undefined|error)");
    /** snprintf into a 56-byte buffer keeps at most this many characters. */
    private static final int INT_BUFFER_CHARS = 55;

    private final MacroExpander expander;

    MacroFunctions(MacroExpander expander) {
        this.expander = expander;
    }

    String evaluate(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        switch (ref.function()) {
            case INT:
                return integer(ref, budget);
            case SUBSTR:
                return substring(ref, budget);
            case CHOICE:
                return choice(ref, budget);
            case RANDOM_CHOICE:
                return randomChoice(ref, budget);
            case RANDOM_INTEGER:
                return randomInteger(ref);
            case BASENAME:
            case DIRNAME:
            case FILENAME:
                return FileNameParts.select(ref, lookedUpAndExpanded(ref.body(), ref.body(), budget));
            case REAL:
            case STRING:
            case EVAL:
                return literalExpression(ref, budget);
            default:
                throw new EvaluationException("unknown macro function $" + ref.prefix());
        }
    }

    /** $INT(name[,format]): the knob's (or the text's) value as an integer, formatted like printf. */
    private String integer(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        String body = ref.body();
        int comma = body.indexOf(',');
        String name = comma < 0 ? body : body.substring(0, comma);
        IntegerFormat format = comma < 0 ? null : IntegerFormat.of(body.substring(comma + 1));
        String text = lookedUpAndExpanded(name, name, budget);
        OptionalLong literal = ConfigLiterals.parseInteger(text);
        if (literal.isEmpty()) {
            expander.warn("$INT(" + body + "): '" + text + "' is not an integer literal and jcedar does not evaluate"
                    + " ClassAd expressions; its text is used as is");
            return text;
        }
        long number = literal.getAsLong();
        if (format == null) {
            return Long.toString(number);
        }
        Object argument = format.unsigned() ? new BigInteger(Long.toUnsignedString(number)) : number;
        try {
            String out = String.format(Locale.ROOT, format.javaFormat(), argument);
            return out.length() > INT_BUFFER_CHARS ? out.substring(0, INT_BUFFER_CHARS) : out;
        } catch (IllegalFormatException e) {
            throw new EvaluationException("$INT() macro: '" + body.substring(comma + 1) + "' is not a supported format");
        }
    }

    /** A printf format of one integer as a Java format; {@code unsigned} for %u (Java has no unsigned long). */
    private record IntegerFormat(String javaFormat, boolean unsigned) {
        /**
         * Exactly one integer conversion (flags, width, an optional length modifier, no precision) amid literal
         * text: {@code %i} and {@code %u} become {@code %d}, length modifiers are dropped.
         */
        static IntegerFormat of(String format) throws EvaluationException {
            StringBuilder out = new StringBuilder();
            Boolean unsigned = null;
            int i = 0;
            int n = format.length();
            while (i < n) {
                char c = format.charAt(i++);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                if (i < n && format.charAt(i) == '%') {
                    out.append("%%");
                    i++;
                    continue;
                }
                if (unsigned != null) {
                    throw new EvaluationException("$INT() macro: '" + format + "' has more than one conversion");
                }
                int flags = i;
                while (i < n && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                    i++;
                }
                int width = i;
                while (i < n && Ascii.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i - width > 4 || (i > width && Integer.parseInt(format.substring(width, i)) > MAX_FORMAT_WIDTH)) {
                    throw new EvaluationException("$INT() macro: '" + format + "' has too wide a field");
                }
                String spec = format.substring(flags, i);
                for (String length : new String[] {"hh", "ll", "h", "l", "j", "z", "t", "q", "L"}) {
                    if (format.startsWith(length, i)) {
                        i += length.length();
                        break;
                    }
                }
                char conversion = i < n ? format.charAt(i++) : 0;
                if ("diouxX".indexOf(conversion) < 0) {
                    throw new EvaluationException("$INT() macro: '" + format + "' is not a valid integer format");
                }
                unsigned = conversion == 'u';
                out.append('%').append(spec).append(conversion == 'i' || conversion == 'u' ? 'd' : conversion);
            }
            if (unsigned == null) {
                throw new EvaluationException("$INT() macro: '" + format + "' has no integer conversion");
            }
            return new IntegerFormat(out.toString(), unsigned);
        }
    }

    /** $SUBSTR(name,start[,length]): a substring of the knob's expanded value; negatives count from the end. */
    private String substring(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        String body = ref.body();
        int comma = body.indexOf(',');
        if (comma < 0) {
            throw new EvaluationException("$SUBSTR() macro: no length specified");
        }
        String name = body.substring(0, comma);
        String rest = body.substring(comma + 1);
        int comma2 = rest.indexOf(',');
        String startArg = comma2 < 0 ? rest : rest.substring(0, comma2);
        long start = parseInteger(lookedUpAndExpanded(startArg, startArg, budget), "$SUBSTR() macro start");
        long length = Integer.MAX_VALUE / 2;
        if (comma2 >= 0) {
            String lengthArg = rest.substring(comma2 + 1);
            length = parseInteger(lookedUpAndExpanded(lengthArg, lengthArg, budget), "$SUBSTR() macro length");
        }
        if (start < Integer.MIN_VALUE || start >= Integer.MAX_VALUE || length < Integer.MIN_VALUE
                || length > Integer.MAX_VALUE) {
            throw new EvaluationException("$SUBSTR() macro: index out of range");
        }
        String raw = expander.macros().lookup(name);
        if (raw == null) {
            return "";
        }
        String value = raw.indexOf('$') >= 0 ? expander.expand(raw, budget) : raw;
        int cch = value.length();
        int from = (int) start;
        if (from < 0) {
            from = cch + from;
        }
        from = Math.max(0, Math.min(from, cch));
        cch -= from;
        int count = (int) length;
        if (count < 0) {
            count = cch + count;
        }
        count = Math.max(0, Math.min(count, cch));
        return value.substring(from, from + count);
    }

    /** $CHOICE(index,list_name) or $CHOICE(index,item0,item1,...): the index'th item. */
    private String choice(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        List<String> entries = new ArrayList<>();
        for (String entry : ref.body().split(",", -1)) {
            entries.add(Ascii.trim(entry));
        }
        if (entries.size() < 2) {
            throw new EvaluationException("$CHOICE() macro: no index");
        }
        long index = parseInteger(lookedUpAndExpanded(entries.get(0), entries.get(0), budget), "$CHOICE() macro index");
        if (index < 0 || index >= Integer.MAX_VALUE) {
            throw new EvaluationException("$CHOICE() macro: " + index + " is an invalid index");
        }
        List<String> items;
        if (entries.size() == 2) {
            String listName = entries.get(1);
            String list = expander.macros().lookup(listName);
            if (list == null) {
                throw new EvaluationException("$CHOICE() macro: no list named \"" + listName + "\"");
            }
            items = tokens(list.indexOf('$') >= 0 ? expander.expand(list, budget) : list, ",");
        } else {
            items = entries.subList(1, entries.size());
        }
        if (index >= items.size()) {
            throw new EvaluationException("$CHOICE() macro: index " + index + " is out of range");
        }
        return items.get((int) index);
    }

    /** $RANDOM_CHOICE(a,b,c) or $RANDOM_CHOICE(list_name): one of the items, at random. */
    private String randomChoice(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        List<String> entries = tokens(ref.body(), ",");
        if (entries.size() == 1) {
            String list = expander.macros().lookup(entries.get(0));
            if (list != null) {
                entries = tokens(list.indexOf('$') >= 0 ? expander.expand(list, budget) : list, ", \t\r\n");
            }
        }
        if (entries.isEmpty()) {
            throw new EvaluationException("$RANDOM_CHOICE() macro: empty list");
        }
        return entries.get(ThreadLocalRandom.current().nextInt(entries.size()));
    }

    /** $RANDOM_INTEGER(min,max[,step]): a random integer of min, min+step, ... up to max. */
    private String randomInteger(MacroReference ref) throws EvaluationException {
        List<String> entries = tokens(ref.body(), ",");
        long min = leadingInteger(entries.isEmpty() ? "" : entries.get(0), "min");
        long max = leadingInteger(entries.size() > 1 ? entries.get(1) : "", "max");
        long step = entries.size() > 2 ? leadingInteger(entries.get(2), "step") : 1;
        if (step < 1) {
            throw new EvaluationException("$RANDOM_INTEGER() macro: invalid step");
        }
        if (min > max) {
            throw new EvaluationException("$RANDOM_INTEGER() macro: min > max");
        }
        long choices;
        try {
            choices = Math.addExact(Math.subtractExact(max, min) / step, 1);
        } catch (ArithmeticException e) {
            throw new EvaluationException("$RANDOM_INTEGER() macro: range too large");
        }
        return Long.toString(min + ThreadLocalRandom.current().nextLong(choices) * step);
    }

    /**
     * $REAL, $STRING and $EVAL evaluate a ClassAd expression, which this package does not do: a quoted string
     * literal is unquoted (as HTCondor's evaluation would), anything else is kept as text, with a warning unless
     * it is a plain number or boolean.
     */
    private String literalExpression(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        String body = ref.body();
        int comma = ref.function() == MacroFunction.EVAL ? -1 : body.indexOf(',');
        String name = comma < 0 ? body : body.substring(0, comma);
        String value = Ascii.trim(lookedUpAndExpanded(name, body, budget));
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                && value.indexOf('"', 1) == value.length() - 1 && value.indexOf('\\') < 0) {
            return value.substring(1, value.length() - 1);
        }
        if (!SIMPLE_LITERAL.matcher(value).matches() || comma >= 0) {
            expander.warn("$" + ref.prefix() + "(" + body + ") is not evaluated as a ClassAd expression by jcedar;"
                    + " its text '" + value + "' is used as is");
        }
        return value;
    }

    /**
     * The raw value of knob {@code name} if it is defined, else {@code literal}; expanded if it contains a
     * {@code $}. Macro function arguments may name a knob or be the value itself.
     */
    private String lookedUpAndExpanded(String name, String literal, ExpansionBudget budget)
            throws EvaluationException {
        String raw = expander.macros().lookup(name);
        String value = raw == null ? literal : raw;
        return value.indexOf('$') >= 0 ? expander.expand(value, budget) : value;
    }

    /** A decimal integer with optional sign and surrounding white space (ClassAd expressions are not evaluated). */
    private static long parseInteger(String text, String what) throws EvaluationException {
        OptionalLong value = ConfigLiterals.parseInteger(text);
        if (value.isEmpty()) {
            throw new EvaluationException(what + ": '" + text + "' is not an integer"
                    + " (jcedar does not evaluate ClassAd expressions here)");
        }
        return value.getAsLong();
    }

    /** strtol: leading white space, a sign and digits, ignoring what follows; nothing numeric is an error. */
    private static long leadingInteger(String text, String what) throws EvaluationException {
        Matcher m = Pattern.compile("[ \t\n\r\f\u000b]*([-+]?\\d+)").matcher(text);
        if (!m.lookingAt()) {
            throw new EvaluationException("$RANDOM_INTEGER() macro: invalid " + what);
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new EvaluationException("$RANDOM_INTEGER() macro: " + what + " out of range");
        }
    }

    /** The non-empty, trimmed items of {@code text} between any of {@code delimiters}. */
    static List<String> tokens(String text, String delimiters) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (delimiters.indexOf(text.charAt(i)) >= 0 || Ascii.isSpace(text.charAt(i)))) {
                i++;
            }
            int start = i;
            int lastNonSpace = i - 1;
            while (i < n && delimiters.indexOf(text.charAt(i)) < 0) {
                if (!Ascii.isSpace(text.charAt(i))) {
                    lastNonSpace = i;
                }
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, lastNonSpace + 1));
            }
        }
        return out;
    }
}
