package org.jcedar.config;

/**
 * The expansion work of a whole load, so that many individually acceptable but expensive expansions cannot make
 * loading take unbounded time: at most {@link ConfigLimits#MAX_LOAD_EXPANSION_WORK} characters processed.
 */
final class LoadWork {
    private long work;

    void charge(int length, String subject) throws EvaluationException {
        work += length;
        if (work > ConfigLimits.MAX_LOAD_EXPANSION_WORK) {
            throw new EvaluationException("expanding " + subject + ": the configuration needs more than "
                    + ConfigLimits.MAX_LOAD_EXPANSION_WORK + " characters of expansion work in all");
        }
    }
}
