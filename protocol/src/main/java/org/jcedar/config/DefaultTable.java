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
    private static final Map<Integer, DefaultTable> BY_SERIES = Map.of(
            23, load("defaults-23.cfg"),
            25, load("defaults-25.cfg"));

    private final Map<String, String> rawByLowerName;
    private final Map<String, String> rawByName;

    private DefaultTable(Map<String, String> rawByName) {
        this.rawByName = Collections.unmodifiableMap(rawByName);
        Map<String, String> lower = new LinkedHashMap<>();
        rawByName.forEach((name, value) -> lower.put(Ascii.lower(name), value));
        this.rawByLowerName = lower;
    }

    static DefaultTable forVersion(HtcondorVersion version) {
        return BY_SERIES.get(version.tableSeries());
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
