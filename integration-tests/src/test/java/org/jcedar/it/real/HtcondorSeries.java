package org.jcedar.it.real;

/**
 * The real HTCondor release series every interop test runs against, each installed in a chroot that
 * {@code provision.sh} builds from a Debian suite and that an environment variable points at.
 */
public enum HtcondorSeries {
    V23(23, "JCEDAR_HTCONDOR_23", "trixie"),
    V25(25, "JCEDAR_HTCONDOR_25", "sid");

    private final int major;
    private final String chrootVariable;
    private final String debianSuite;

    HtcondorSeries(int major, String chrootVariable, String debianSuite) {
        this.major = major;
        this.chrootVariable = chrootVariable;
        this.debianSuite = debianSuite;
    }

    public int major() {
        return major;
    }

    /** The environment variable that holds the chroot's path. */
    public String chrootVariable() {
        return chrootVariable;
    }

    /** The Debian suite whose {@code condor} package provides this series. */
    public String debianSuite() {
        return debianSuite;
    }

    /** Whether an installed version (e.g. "23.9.6") belongs to this series; sid moves on, so 25 takes any later major. */
    public boolean includes(String version) {
        int dot = version.indexOf('.');
        int installedMajor;
        try {
            installedMajor = Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        return this == V25 ? installedMajor >= major : installedMajor == major;
    }

    /** "23.x", for messages and test names. */
    public String label() {
        return major + ".x";
    }
}
