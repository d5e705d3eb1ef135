package org.jcedar.security;

import java.util.Optional;

/**
 * How strongly one side wants a security feature (authentication, encryption, integrity, negotiation).
 * Ordered from weakest to strongest, which is the order the dependency rules compare them in (20 §3.3).
 */
public enum Requirement {
    NEVER, OPTIONAL, PREFERRED, REQUIRED;

    /**
     * HTCondor reads these words by their first letter only, case-insensitively: R, Y, T mean REQUIRED,
     * P PREFERRED, O OPTIONAL, F and N NEVER (SecMan::sec_alpha_to_sec_req). Anything else is invalid.
     */
    public static Optional<Requirement> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        switch (Character.toUpperCase(text.strip().charAt(0))) {
            case 'R': case 'Y': case 'T': return Optional.of(REQUIRED);
            case 'P': return Optional.of(PREFERRED);
            case 'O': return Optional.of(OPTIONAL);
            case 'F': case 'N': return Optional.of(NEVER);
            default: return Optional.empty();
        }
    }
}
