package org.jcedar.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTCondor's compile-time defaults for the knobs we carry, as raw values (they may refer to other knobs).
 * A default of "" is a knob HTCondor knows but leaves undefined. One table per series (23 and 25); the data is
 * in {@code defaults-<series>.cfg} next to this class, checked against the real {@code condor_config_val}.
 */
final class DefaultTable {
    private final Map<String, String> rawByLowerName;
    private final Map<String, String> rawByName;

    private DefaultTable(Map<String, String> rawByName) {
        this.rawByName = Collections.unmodifiableMap(rawByName);
        Map<String, String> lower = new LinkedHashMap<>();
        rawByName.forEach((name, value) -> lower.put(Ascii.lower(name), value));
        this.rawByLowerName = lower;
    }

    static DefaultTable forVersion(HtcondorVersion version) {
        return version.tableSeries() == 23 ? Series23.TABLE : Series25.TABLE;
    }

    // Each series' table is read when it is first asked for: a process needs one (docs/performance.md).
    private static final class Series23 {
        static final DefaultTable TABLE = load("defaults-23.cfg");
    }

    private static final class Series25 {
        static final DefaultTable TABLE = load("defaults-25.cfg");
    }

    /** The built-in raw value of {@code name} (case-insensitive), if we carry one. */
    Optional<String> rawValue(String name) {
        return Optional.ofNullable(rawByLowerName.get(Ascii.lower(name)));
    }

    /** The knob names we carry defaults for, as HTCondor spells them. */
    Set<String> names() {
        return rawByName.keySet();
    }

    private static DefaultTable load(String resource) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : BuiltinResource.lines(resource)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException(resource + ": not NAME = value: " + line);
            }
            values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return new DefaultTable(values);
    }
}
