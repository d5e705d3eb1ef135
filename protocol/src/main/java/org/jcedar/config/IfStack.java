package org.jcedar.config;

/**
 * The nesting of {@code if}/{@code elif}/{@code else}/{@code endif} around the current line, as HTCondor tracks
 * it: one bit per level for "this branch is taken", one for "an earlier branch of this if was taken", one for
 * "no else seen yet". A line counts only when every enclosing level is taken. At most
 * {@link ConfigLimits#MAX_IF_DEPTH} levels.
 */
final class IfStack {
    private long taken = 1;     // bit per level: the current branch is taken (bit 0: outside any if)
    private long anyTaken;      // bit per level: some if/elif branch of this level was taken
    private long beforeElse;    // bit per level: an if was seen and no else yet
    private long top = 1;       // the bit of the innermost level

    /** Whether lines at the current position count. */
    boolean enabled() {
        long mask = top | (top - 1);
        return (taken & mask) == mask;
    }

    boolean insideIf() {
        return top > 1;
    }

    boolean insideElse() {
        return top > 1 && (beforeElse & top) == 0;
    }

    /** Whether the enclosing levels (not the innermost) are all taken: only then is an elif evaluated. */
    boolean elifWouldBeEvaluated() {
        return (anyTaken & top) == 0 && (taken & (top - 1)) == (top - 1);
    }

    /** Opens a level; false if that would nest deeper than HTCondor allows. */
    boolean beginIf(boolean condition) {
        if (top == 1L << ConfigLimits.MAX_IF_DEPTH) {
            return false;
        }
        top <<= 1;
        beforeElse |= top;
        if (condition) {
            taken |= top;
            anyTaken |= top;
        } else {
            taken &= ~top;
            anyTaken &= ~top;
        }
        return true;
    }

    /** Switches to the else branch; false for an else without an if, or a second else. */
    boolean beginElse() {
        if ((beforeElse & top) == 0) {
            return false;
        }
        beforeElse &= ~top;
        if (((anyTaken | taken) & top) != 0) {
            taken &= ~top;
        } else {
            taken |= top;
        }
        return top > 1;
    }

    /** Switches to an elif branch; false for an elif without an if, or after the else. */
    boolean beginElif(boolean condition) {
        if ((beforeElse & top) == 0) {
            return false;
        }
        if ((anyTaken & top) != 0) {
            taken &= ~top;
        } else if (condition) {
            anyTaken |= top;
            taken |= top;
        } else {
            taken &= ~top;
        }
        return top > 1;
    }

    /** Closes the innermost level; false for an endif without an if. */
    boolean endIf() {
        beforeElse &= ~top;
        top >>>= 1;
        if (top == 0) {
            top = 1;
            taken = 1;
            beforeElse = 0;
            anyTaken = 0;
            return false;
        }
        return true;
    }
}
