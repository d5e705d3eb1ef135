package org.jcedar.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The X.Y.Z of a {@code $CondorVersion: X.Y.Z ... $} string, for the features peers infer from it. */
public record CondorVersion(int major, int minor, int patch) implements Comparable<CondorVersion> {
    private static final Pattern VERSION = Pattern.compile("\\$CondorVersion:\\s*(\\d+)\\.(\\d+)\\.(\\d+)");

    public static Optional<CondorVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CondorVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new CondorVersion(major, minor, patch)) >= 0;
    }

    @Override
    public int compareTo(CondorVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }
}
