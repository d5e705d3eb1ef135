package org.jcedar.classad;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The functions collector constraints use, with HTCondor's argument rules (fnCall.cpp, and
 * compat_classad.cpp for the stringList functions). Names are case-insensitive; a call to a function not
 * listed here, or with the wrong number of arguments, is ERROR, as HTCondor makes an unknown function.
 */
final class BuiltinFunctions {
    private interface Function {
        Value apply(Evaluator evaluator, List<Expr> arguments, Scope scope);
    }

    private static final Map<String, Function> FUNCTIONS = new HashMap<>();

    static {
        typePredicate("isUndefined", v -> v instanceof Value.UndefinedValue);
        typePredicate("isError", v -> v instanceof Value.ErrorValue);
        typePredicate("isString", v -> v instanceof Value.StringValue);
        typePredicate("isInteger", v -> v instanceof Value.IntegerValue);
        typePredicate("isReal", v -> v instanceof Value.RealValue);
        typePredicate("isBoolean", v -> v instanceof Value.BooleanValue);
        typePredicate("isList", v -> v instanceof Value.ListValue);
        typePredicate("isClassAd", v -> v instanceof Value.ClassAdValue);
        FUNCTIONS.put("member", (e, args, s) -> member(e, args, s, false));
        FUNCTIONS.put("identicalmember", (e, args, s) -> member(e, args, s, true));
        FUNCTIONS.put("size", BuiltinFunctions::size);
        FUNCTIONS.put("time", (e, args, s) -> args.isEmpty() ? Value.of(e.now()) : Value.ERROR);
        FUNCTIONS.put("strcat", BuiltinFunctions::strcat);
        FUNCTIONS.put("tolower", (e, args, s) -> changeCase(e, args, s, false));
        FUNCTIONS.put("toupper", (e, args, s) -> changeCase(e, args, s, true));
        FUNCTIONS.put("substr", BuiltinFunctions::substr);
        FUNCTIONS.put("strcmp", (e, args, s) -> compare(e, args, s, false));
        FUNCTIONS.put("stricmp", (e, args, s) -> compare(e, args, s, true));
        FUNCTIONS.put("regexp", BuiltinFunctions::regexp);
        conversion("int", ValueConversions::toIntegerValue);
        conversion("real", ValueConversions::toRealValue);
        conversion("string", ValueConversions::toStringValue);
        conversion("bool", BuiltinFunctions::toBoolean);
        FUNCTIONS.put("ifthenelse", BuiltinFunctions::ifThenElse);
        FUNCTIONS.put("stringlistmember", (e, args, s) -> stringListMember(e, args, s, false));
        FUNCTIONS.put("stringlistimember", (e, args, s) -> stringListMember(e, args, s, true));
    }

    private BuiltinFunctions() {
    }

    static Value call(Evaluator evaluator, Expr.FunctionCall call, Scope scope) {
        Function function = FUNCTIONS.get(AttributeNames.fold(call.name()));
        return function == null ? Value.ERROR : function.apply(evaluator, call.arguments(), scope);
    }

    private static void typePredicate(String name, Predicate<Value> test) {
        FUNCTIONS.put(AttributeNames.fold(name), (e, args, s) ->
                args.size() != 1 ? Value.ERROR : Value.of(test.test(e.eval(args.get(0), s))));
    }

    private static void conversion(String name, java.util.function.UnaryOperator<Value> convert) {
        FUNCTIONS.put(name, (e, args, s) -> args.size() != 1 ? Value.ERROR : convert.apply(e.eval(args.get(0), s)));
    }

    private static Value[] evaluateAll(Evaluator evaluator, List<Expr> arguments, Scope scope) {
        Value[] values = new Value[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = evaluator.eval(arguments.get(i), scope);
        }
        return values;
    }

    /** member(x, list) with ==, identicalMember(x, list) with =?=. */
    private static Value member(Evaluator evaluator, List<Expr> arguments, Scope scope, boolean identical) {
        if (arguments.size() != 2) {
            return Value.ERROR;
        }
        Value[] args = evaluateAll(evaluator, arguments, scope);
        Value item = args[0];
        if (args[1] instanceof Value.UndefinedValue || (!identical && item instanceof Value.UndefinedValue)) {
            return Value.UNDEFINED;
        }
        if (!(args[1] instanceof Value.ListValue list) || item instanceof Value.ListValue
                || item instanceof Value.ClassAdValue || (!identical && item instanceof Value.ErrorValue)) {
            return Value.ERROR;
        }
        BinaryOperator operator = identical ? BinaryOperator.META_EQUAL : BinaryOperator.EQUAL;
        for (int i = 0; i < list.elements().size(); i++) {
            if (Operators.binary(operator, evaluator.element(list, i), item) instanceof Value.BooleanValue b
                    && b.value()) {
                return Value.of(true);
            }
        }
        return Value.of(false);
    }

    /** Elements of a list, attributes of an ad, bytes of a string. */
    private static Value size(Evaluator evaluator, List<Expr> arguments, Scope scope) {
        if (arguments.size() != 1) {
            return Value.ERROR;
        }
        Value value = evaluator.eval(arguments.get(0), scope);
        if (value instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        if (value instanceof Value.ListValue list) {
            return Value.of((long) list.elements().size());
        }
        if (value instanceof Value.ClassAdValue ad) {
            return Value.of((long) ad.ad().size());
        }
        if (value instanceof Value.StringValue s) {
            return Value.of((long) CStrings.utf8(s.value()).length);
        }
        return Value.ERROR;
    }

    /** Concatenates its arguments converted to strings; any UNDEFINED argument makes it UNDEFINED. */
    private static Value strcat(Evaluator evaluator, List<Expr> arguments, Scope scope) {
        StringBuilder result = new StringBuilder();
        for (Expr argument : arguments) {
            Value text = ValueConversions.toStringValue(evaluator.eval(argument, scope));
            if (!(text instanceof Value.StringValue s)) {
                return text; // UNDEFINED or ERROR
            }
            if (result.length() + s.value().length() > Evaluator.MAX_STRING_LENGTH) {
                return Value.ERROR;
            }
            result.append(s.value());
        }
        return Value.of(result.toString());
    }

    /** toUpper / toLower, of the ASCII letters only (the C locale). */
    private static Value changeCase(Evaluator evaluator, List<Expr> arguments, Scope scope, boolean upper) {
        if (arguments.size() != 1) {
            return Value.ERROR;
        }
        Value text = ValueConversions.toStringValue(evaluator.eval(arguments.get(0), scope));
        if (!(text instanceof Value.StringValue s)) {
            return text;
        }
        return Value.of(upper ? CStrings.toUpperAscii(s.value()) : CStrings.toLowerAscii(s.value()));
    }

    /**
     * substr(s, offset[, length]) in bytes, Perl-like: a negative offset counts from the end, a negative
     * length stops that many bytes before the end.
     */
    private static Value substr(Evaluator evaluator, List<Expr> arguments, Scope scope) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            return Value.ERROR;
        }
        Value[] args = evaluateAll(evaluator, arguments, scope);
        for (Value arg : args) {
            if (arg instanceof Value.UndefinedValue) {
                return Value.UNDEFINED;
            }
        }
        if (!(args[0] instanceof Value.StringValue s) || !(args[1] instanceof Value.IntegerValue offsetValue)
                || (args.length == 3 && !(args[2] instanceof Value.IntegerValue))) {
            return Value.ERROR;
        }
        byte[] bytes = CStrings.utf8(s.value());
        int length = bytes.length;
        int offset = (int) offsetValue.value(); // HTCondor reads offset and length into C ints
        int count = args.length == 3 ? (int) ((Value.IntegerValue) args[2]).value() : 0;
        if (offset < 0) {
            offset = Math.max(0, length + offset);
        } else if (offset >= length) {
            offset = length;
        }
        if (args.length == 3 && count == 0) {
            return Value.of("");
        }
        if (count <= 0) {
            count = Math.max(0, length - offset + count);
        } else if (count > length - offset) {
            count = length - offset;
        }
        return Value.of(new String(Arrays.copyOfRange(bytes, offset, offset + count), StandardCharsets.UTF_8));
    }

    /** strcmp / stricmp: -1, 0 or 1; non-strings are compared as their string conversions. */
    private static Value compare(Evaluator evaluator, List<Expr> arguments, Scope scope, boolean ignoreCase) {
        if (arguments.size() != 2) {
            return Value.ERROR;
        }
        Value[] args = evaluateAll(evaluator, arguments, scope);
        if (args[0] instanceof Value.UndefinedValue || args[1] instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        if (ValueConversions.toStringValue(args[0]) instanceof Value.StringValue a
                && ValueConversions.toStringValue(args[1]) instanceof Value.StringValue b) {
            return Value.of((long) CStrings.compare(a.value(), b.value(), ignoreCase));
        }
        return Value.ERROR;
    }

    /** regexp(pattern, target[, options]): ERROR beats UNDEFINED, and both beat a type mismatch. */
    private static Value regexp(Evaluator evaluator, List<Expr> arguments, Scope scope) {
        if (arguments.size() != 2 && arguments.size() != 3) {
            return Value.ERROR;
        }
        Value[] args = evaluateAll(evaluator, arguments, scope);
        for (Value arg : args) {
            if (arg instanceof Value.ErrorValue) {
                return Value.ERROR;
            }
        }
        for (Value arg : args) {
            if (arg instanceof Value.UndefinedValue) {
                return Value.UNDEFINED;
            }
        }
        String options = "";
        if (args.length == 3) {
            if (!(args[2] instanceof Value.StringValue o)) {
                return Value.ERROR;
            }
            options = o.value();
        }
        if (!(args[0] instanceof Value.StringValue pattern) || !(args[1] instanceof Value.StringValue target)) {
            return Value.ERROR;
        }
        return PcreRegex.matches(pattern.value(), target.value(), options);
    }

    /** bool(x): numbers by non-zero, the strings "true"/"false" in any case; other strings are UNDEFINED. */
    private static Value toBoolean(Value value) {
        if (value instanceof Value.UndefinedValue || value instanceof Value.BooleanValue) {
            return value;
        }
        Boolean truth = Evaluator.booleanEquivalent(value);
        if (truth != null) {
            return Value.of(truth);
        }
        if (value instanceof Value.StringValue s) {
            String folded = CStrings.toLowerAscii(s.value());
            return folded.equals("true") ? Value.of(true) : folded.equals("false") ? Value.of(false) : Value.UNDEFINED;
        }
        return Value.ERROR;
    }

    /** ifThenElse(condition, a, b): evaluates only the branch it returns. */
    private static Value ifThenElse(Evaluator evaluator, List<Expr> arguments, Scope scope) {
        if (arguments.size() != 3) {
            return Value.ERROR;
        }
        Value condition = evaluator.eval(arguments.get(0), scope);
        if (condition instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        Boolean truth = Evaluator.booleanEquivalent(condition);
        if (truth == null) {
            return Value.ERROR;
        }
        return evaluator.eval(arguments.get(truth ? 1 : 2), scope);
    }

    /**
     * stringListMember(item, "a, b, c"[, delimiters]): whether item is one of the list's items, split at
     * any delimiter character (default ", \t\r\n") with white space trimmed and empty items dropped.
     * An UNDEFINED item or list counts as "" (UNDEFINED only when both are).
     */
    private static Value stringListMember(Evaluator evaluator, List<Expr> arguments, Scope scope, boolean ignoreCase) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            return Value.ERROR;
        }
        Value[] args = evaluateAll(evaluator, arguments, scope);
        for (Value arg : args) {
            if (!(arg instanceof Value.StringValue) && !(arg instanceof Value.UndefinedValue)) {
                return Value.ERROR;
            }
        }
        if (args[0] instanceof Value.UndefinedValue && args[1] instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        String item = args[0] instanceof Value.StringValue s ? s.value() : "";
        String list = args[1] instanceof Value.StringValue s ? s.value() : "";
        String delimiters = args.length == 3 && args[2] instanceof Value.StringValue s ? s.value() : ", \t\r\n";
        for (String member : splitStringList(list, delimiters)) {
            if (ignoreCase ? CStrings.compare(member, item, true) == 0 : member.equals(item)) {
                return Value.of(true);
            }
        }
        return Value.of(false);
    }

    /** HTCondor's StringTokenIterator with trimming: the non-empty, white-space-trimmed items. */
    private static List<String> splitStringList(String list, String delimiters) {
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            while (i < list.length() && (delimiters.indexOf(list.charAt(i)) >= 0 || CStrings.isSpace(list.charAt(i)))) {
                i++;
            }
            int start = i;
            int end = i;
            while (i < list.length() && delimiters.indexOf(list.charAt(i)) < 0) {
                if (!CStrings.isSpace(list.charAt(i))) {
                    end = i + 1;
                }
                i++;
            }
            if (end > start) {
                items.add(list.substring(start, end));
            }
        }
        return items;
    }
}
