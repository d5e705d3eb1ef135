package org.jcedar.security;

/**
 * The version jcedar claims in {@code RemoteVersion}. Peers infer features from it (20 §3): resume responses and
 * private attributes from 9.9.0, the IDTOKENS server name {@code condor@password} from 23.9.0. jcedar implements
 * the behaviour of HTCondor 25.14 (FS channel binding with the shared-port suffix, CLAIMTOBE with the domain,
 * anchored ALLOW/DENY wildcards), so it names that release, in the format real HTCondor sends, with its own
 * build id so that logs tell it apart.
 */
public final class JcedarVersion {
    public static final String HTCONDOR_VERSION = "25.14.1";
    public static final String JCEDAR_VERSION = "0.1.0";
    public static final String REMOTE_VERSION =
            "$CondorVersion: " + HTCONDOR_VERSION + " 2026-10-16 BuildID: jcedar-" + JCEDAR_VERSION + " $";

    private JcedarVersion() {
    }
}
