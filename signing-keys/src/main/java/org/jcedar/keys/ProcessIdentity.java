package org.jcedar.keys;

import com.sun.security.auth.module.UnixSystem;

/** Who this process is, as HTCondor's secure-file checks see it. */
public final class ProcessIdentity {
    private ProcessIdentity() {
    }

    /** The real uid ({@code getuid()}), which must own key and token files (30 §1.2). */
    public static long realUid() {
        return new UnixSystem().getUid();
    }
}
