package org.jcedar.classad;

/**
 * HTCondor's value conversions (convertValueToStringValue, ...ToIntegerValue, ...ToRealValue in value.cpp),
 * used by string(), int(), real() and by the string functions for non-string arguments.
 */
final class ValueConversions {
    private ValueConversions() {
    }

    /** Strings stay; numbers, booleans, lists and ads become their new-syntax text; UNDEFINED and ERROR stay. */
    static Value toStringValue(Value value) {
        if (value instanceof Value.StringValue || value instanceof Value.UndefinedValue
                || value instanceof Value.ErrorValue) {
            return value;
        }
        String text = ClassAdPrinter.printNewSyntax(value.toExpr());
        return text.length() > Evaluator.MAX_STRING_LENGTH ? Value.ERROR : Value.of(text);
    }

    /** Reals truncate toward zero; strings are read with strtod (so "12abc" is 12, "1e3" is 1000). */
    static Value toIntegerValue(Value value) {
        if (value instanceof Value.IntegerValue || value instanceof Value.UndefinedValue) {
            return value;
        }
        if (value instanceof Value.BooleanValue b) {
            return Value.of(b.value() ? 1L : 0L);
        }
        if (value instanceof Value.RealValue r) {
            return Value.of(CStrings.truncateToLong(r.value()));
        }
        if (value instanceof Value.StringValue s) {
            CStrings.ParsedDouble parsed = CStrings.strtod(s.value());
            long integer = CStrings.truncateToLong(parsed.value());
            return parsed.end() == 0 && integer == 0 ? Value.ERROR : Value.of(integer);
        }
        return Value.ERROR;
    }

    static Value toRealValue(Value value) {
        if (value instanceof Value.RealValue || value instanceof Value.UndefinedValue) {
            return value;
        }
        if (value instanceof Value.BooleanValue b) {
            return Value.of(b.value() ? 1.0 : 0.0);
        }
        if (value instanceof Value.IntegerValue i) {
            return Value.of((double) i.value());
        }
        if (value instanceof Value.StringValue s) {
            CStrings.ParsedDouble parsed = CStrings.strtod(s.value());
            return parsed.end() == 0 && parsed.value() == 0.0 ? Value.ERROR : Value.of(parsed.value());
        }
        return Value.ERROR;
    }
}
