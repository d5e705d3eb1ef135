package org.jcedar.config;

import java.util.function.Consumer;

/**
 * Expands references in configuration values exactly as HTCondor's expander does: repeatedly substitute the
 * first reference (other than {@code $(DOLLAR)}) with the raw value it names, rescanning from the start, so the
 * substituted text is expanded in turn; then turn each {@code $(DOLLAR)} into a {@code $}. A {@code $(NAME:def)}
 * whose knob is undefined or empty becomes {@code def}; an unset {@code $ENV(NAME)} becomes {@code def} or
 * {@code UNDEFINED}.
 *
 * <p>When a knob is assigned, HTCondor expands only its references to itself (so {@code A = $(A) more} appends to
 * the previous value); {@link #expandSelf} does that.
 */
final class MacroExpander {
    private static final MacroScanner.Filter ALL_BUT_DOLLAR = (function, body) -> isDollar(function, body);
    private static final MacroScanner.Filter ONLY_DOLLAR = (function, body) -> !isDollar(function, body);

    private final MacroSet macros;
    private final Consumer<String> warnings;
    private final MacroFunctions functions;
    private final LoadWork loadWork = new LoadWork();

    /** An expander over {@code macros}; notes about what jcedar does not evaluate go to {@code warnings}. */
    MacroExpander(MacroSet macros, Consumer<String> warnings) {
        this.macros = macros;
        this.warnings = warnings;
        this.functions = new MacroFunctions(this);
    }

    MacroSet macros() {
        return macros;
    }

    void warn(String message) {
        warnings.accept(message);
    }

    /** {@code value} with every reference expanded. */
    String expand(String value, String subject) throws EvaluationException {
        return expand(value, budget(subject));
    }

    /** A budget for one expansion of {@code subject}, part of this load's budget. */
    ExpansionBudget budget(String subject) {
        return new ExpansionBudget(subject, loadWork);
    }

    /** {@code value} with every reference expanded, spending from {@code budget} (a nested expansion). */
    String expand(String value, ExpansionBudget budget) throws EvaluationException {
        budget.enter();
        try {
            String s = value;
            MacroReference ref;
            while ((ref = MacroScanner.next(s, 0, ALL_BUT_DOLLAR)) != null) {
                s = substitute(s, ref, evaluate(ref, budget), budget);
                budget.checkNotRepeated(s);
            }
            while ((ref = MacroScanner.next(s, 0, ONLY_DOLLAR)) != null) {
                s = substitute(s, ref, "$", budget);
            }
            return s;
        } finally {
            budget.exit();
        }
    }

    /**
     * {@code value} with only its references to knob {@code self} expanded (to the knob's current value). With
     * a subsystem or local name, {@code SUBSYS.NAME = $(NAME)} also refers to itself.
     */
    String expandSelf(String value, String self) throws EvaluationException {
        String unprefixed = withoutPrefix(self, macros.localName());
        if (unprefixed == null) {
            unprefixed = withoutPrefix(self, macros.subsystem());
        }
        String other = unprefixed;
        MacroScanner.Filter onlySelf = (function, body) -> (function != MacroFunction.LOOKUP
                && function != MacroFunction.FILENAME)
                || !(namesKnob(body, self) || (other != null && namesKnob(body, other)));
        ExpansionBudget budget = budget(self);
        String s = value;
        MacroReference ref;
        while ((ref = MacroScanner.next(s, 0, onlySelf)) != null) {
            s = substitute(s, ref, evaluate(ref, budget), budget);
        }
        return s;
    }

    /**
     * Sets knob {@code name} from an assignment's right-hand side: references to itself become its current
     * value (twice over when it already exists, as HTCondor's insertion expands them again).
     */
    void assign(String name, String rhs, ValueOrigin origin) throws EvaluationException {
        String value = expandSelf(rhs, name);
        if (macros.find(name) != null) {
            value = expandSelf(value, name);
        }
        macros.put(name, value, origin);
    }

    /** The value a reference stands for (before that value's own references are expanded). */
    String evaluate(MacroReference ref, ExpansionBudget budget) throws EvaluationException {
        switch (ref.function()) {
            case LOOKUP: {
                String value = macros.lookup(ref.name());
                String fallback = ref.defaultValue();
                if (fallback != null && (value == null || value.isEmpty())) {
                    return fallback;
                }
                return value == null ? "" : value;
            }
            case ENV: {
                String value = macros.environmentVariable(ref.name());
                if (value != null) {
                    return value;
                }
                return ref.defaultValue() != null ? ref.defaultValue() : "UNDEFINED";
            }
            default:
                return functions.evaluate(ref, budget);
        }
    }

    private static String substitute(String s, MacroReference ref, String replacement, ExpansionBudget budget)
            throws EvaluationException {
        long length = (long) ref.start() + replacement.length() + (s.length() - ref.end());
        budget.charge((int) Math.min(length, Integer.MAX_VALUE));
        return s.substring(0, ref.start()) + replacement + s.substring(ref.end());
    }

    private static boolean isDollar(MacroFunction function, String body) {
        return function == MacroFunction.LOOKUP && Ascii.equalsIgnoreCase(body, "DOLLAR");
    }

    /** Whether a reference body is {@code name} or {@code name:default}, ignoring ASCII case. */
    private static boolean namesKnob(String body, String name) {
        if (body.length() == name.length()) {
            return Ascii.equalsIgnoreCase(body, name);
        }
        return body.length() > name.length() && body.charAt(name.length()) == ':'
                && Ascii.startsWithIgnoreCase(body, name);
    }

    /** {@code name} without a leading {@code prefix.}, or null if it does not start with one. */
    private static String withoutPrefix(String name, String prefix) {
        if (prefix == null || name.length() <= prefix.length() + 1) {
            return null;
        }
        if (Ascii.startsWithIgnoreCase(name, prefix) && name.charAt(prefix.length()) == '.') {
            return name.substring(prefix.length() + 1);
        }
        return null;
    }
}
