package org.jcedar.security;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A security session could not be established. Carries HTCondor's error stack (most general first, as HTCondor
 * prints it) so that tools can report failures in the same words as the real ones.
 */
public class HandshakeException extends Exception {
    private final List<CondorError> errors;

    public HandshakeException(List<CondorError> errors) {
        super(errors.stream().map(CondorError::toString).collect(Collectors.joining("|")));
        this.errors = List.copyOf(errors);
    }

    public HandshakeException(CondorError error) {
        this(List.of(error));
    }

    public List<CondorError> errors() {
        return errors;
    }
}
