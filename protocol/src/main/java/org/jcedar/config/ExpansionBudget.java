package org.jcedar.config;

import java.util.HashSet;
import java.util.Set;

/**
 * The work one expansion may do. HTCondor expands by substituting the first reference and rescanning the whole
 * value, forever if knobs refer to each other; we do the same but stop with an error once the number of
 * substitutions, the characters processed or the length of the value pass {@link ConfigLimits}. Nested
 * expansions (inside macro functions) spend from the same budget.
 */
final class ExpansionBudget {
    /** Values up to this long are remembered to recognise a cycle as soon as a value comes round again. */
    private static final int REMEMBERED_LENGTH = 4096;
    private static final int REMEMBERED_COUNT = 1000;

    private final Set<String> seen = new HashSet<>();
    private final String subject;
    private final LoadWork loadWork;
    private int steps;
    private long work;
    private int depth;

    /**
     * A fresh budget for expanding {@code subject} (a knob name or a description, for the error message), also
     * spending from {@code loadWork}, the budget of the whole load.
     */
    ExpansionBudget(String subject, LoadWork loadWork) {
        this.subject = subject;
        this.loadWork = loadWork;
    }

    /** Enters a macro function that expands a value in turn; HTCondor recurses without limit (and crashes). */
    void enter() throws EvaluationException {
        if (++depth > ConfigLimits.MAX_FUNCTION_NESTING) {
            throw new EvaluationException("expanding " + subject + " nests macro functions more than "
                    + ConfigLimits.MAX_FUNCTION_NESTING + " deep (a function whose argument refers back to it?)");
        }
    }

    void exit() {
        depth--;
    }

    /**
     * Fails when {@code value} was already seen during this expansion: the same value expands the same way again,
     * forever (without the $RANDOM functions; with them, the step limit ends it).
     */
    void checkNotRepeated(String value) throws EvaluationException {
        if (value.length() <= REMEMBERED_LENGTH && seen.size() < REMEMBERED_COUNT && !seen.add(value)) {
            throw new EvaluationException("expanding " + subject + " does not terminate: '" + value
                    + "' comes back (knobs that refer to each other in a cycle; HTCondor would loop forever)");
        }
    }

    /** Accounts for one substitution that produced a value of {@code length} characters. */
    void charge(int length) throws EvaluationException {
        steps++;
        work += length;
        loadWork.charge(length, subject);
        if (length > ConfigLimits.MAX_EXPANDED_LENGTH) {
            throw new EvaluationException("expanding " + subject + " produces more than "
                    + ConfigLimits.MAX_EXPANDED_LENGTH + " characters (knobs that refer to each other?)");
        }
        if (steps > ConfigLimits.MAX_EXPANSION_STEPS || work > ConfigLimits.MAX_EXPANSION_WORK) {
            throw new EvaluationException("expanding " + subject + " does not terminate: its references"
                    + " keep expanding (knobs that refer to each other in a cycle? HTCondor would loop forever)");
        }
    }
}
