package org.jcedar.config;

/**
 * A value or condition could not be evaluated: its references never stop expanding (knobs that refer to each
 * other in a cycle, on which HTCondor loops forever), the result grows past
 * {@link ConfigLimits#MAX_EXPANDED_LENGTH}, a macro function got arguments HTCondor would abort on, or an
 * {@code if} condition is not one HTCondor accepts. Has no location: the caller turns it into a
 * {@link ConfigException} with the file and line.
 */
final class EvaluationException extends Exception {
    EvaluationException(String message) {
        super(message);
    }
}
