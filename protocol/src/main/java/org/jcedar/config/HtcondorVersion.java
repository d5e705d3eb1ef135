package org.jcedar.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTCondor version whose configuration behaviour we reproduce: it answers {@code if version >= ...}
 * conditions and picks the built-in defaults and metaknobs (those changed between the 23.x and 25.x series).
 * HTCondor orders versions by major * 1000000 + minor * 1000 + subminor and only knows versions from 6.0 with
 * minor and subminor below 100.
 */
public record HtcondorVersion(int major, int minor, int subminor) implements Comparable<HtcondorVersion> {
    /** The 23.x release in Debian trixie, one of the two versions we test against. */
    public static final HtcondorVersion V23_9_6 = new HtcondorVersion(23, 9, 6);
    /** The 25.x release in Debian sid, one of the two versions we test against. */
    public static final HtcondorVersion V25_14_1 = new HtcondorVersion(25, 14, 1);

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");

    public HtcondorVersion {
        if (!isValid(major, minor, subminor)) {
            throw new IllegalArgumentException("not an HTCondor version: " + major + "." + minor + "." + subminor);
        }
    }

    /** Parses "23.9.6". */
    public static Optional<HtcondorVersion> parse(String text) {
        Matcher m = DOTTED.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int subminor = Integer.parseInt(m.group(3));
        return isValid(major, minor, subminor)
                ? Optional.of(new HtcondorVersion(major, minor, subminor)) : Optional.empty();
    }

    private static boolean isValid(int major, int minor, int subminor) {
        return major >= 6 && minor >= 0 && minor <= 99 && subminor >= 0 && subminor <= 99;
    }

    /** The number HTCondor compares versions by. */
    public long scalar() {
        return major * 1_000_000L + minor * 1_000L + subminor;
    }

    /** The series whose built-in tables apply: 23 before 24.0, 25 from 24.0 on (24.0 introduced the new ones). */
    int tableSeries() {
        return major < 24 ? 23 : 25;
    }

    @Override
    public int compareTo(HtcondorVersion other) {
        return Long.compare(scalar(), other.scalar());
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + subminor;
    }
}
