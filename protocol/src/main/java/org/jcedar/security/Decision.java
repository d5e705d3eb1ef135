package org.jcedar.security;

import java.util.Optional;

/** A reconciled security feature as the server announces it in its response ad: YES, NO or FAIL. */
public enum Decision {
    YES, NO, FAIL;

    /** Read by first letter like HTCondor's sec_alpha_to_sec_feat_act: Y, N, F. */
    public static Optional<Decision> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        switch (Character.toUpperCase(text.strip().charAt(0))) {
            case 'Y': return Optional.of(YES);
            case 'N': return Optional.of(NO);
            case 'F': return Optional.of(FAIL);
            default: return Optional.empty();
        }
    }

    /**
     * The reconciliation table of 20 §4.3 (symmetric): REQUIRED against NEVER fails; otherwise the feature is on
     * unless one side says NEVER or both sides say OPTIONAL.
     */
    public static Decision reconcile(Requirement client, Requirement server) {
        if ((client == Requirement.REQUIRED && server == Requirement.NEVER)
                || (client == Requirement.NEVER && server == Requirement.REQUIRED)) {
            return FAIL;
        }
        if (client == Requirement.NEVER || server == Requirement.NEVER) {
            return NO;
        }
        if (client == Requirement.OPTIONAL && server == Requirement.OPTIONAL) {
            return NO;
        }
        return YES;
    }
}
