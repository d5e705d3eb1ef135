package org.jcedar.it.real;

/** The values HTCondor's SEC_*_ENCRYPTION and SEC_*_INTEGRITY knobs take, as pool.sh accepts them. */
public enum SecurityRequirement {
    REQUIRED, PREFERRED, OPTIONAL, NEVER
}
