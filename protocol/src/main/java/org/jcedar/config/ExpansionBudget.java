package org.jcedar.config;

/**
 * The work one expansion may do. HTCondor expands by substituting the first reference and rescanning the whole
 * value, forever if knobs refer to each other; we do the same but stop with an error once the number of
 * substitutions, the characters processed or the length of the value pass {@link ConfigLimits}. Nested
 * expansions (inside macro functions) spend from the same budget.
 */
final class ExpansionBudget {
    private final String subject;
    private int steps;
    private long work;

    /** A fresh budget for expanding {@code subject} (a knob name or a description, for the error message). */
    ExpansionBudget(String subject) {
        this.subject = subject;
    }

    /** Accounts for one substitution that produced a value of {@code length} characters. */
    void charge(int length) throws EvaluationException {
        steps++;
        work += length;
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
