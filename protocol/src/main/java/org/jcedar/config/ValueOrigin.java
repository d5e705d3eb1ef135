package org.jcedar.config;

import java.nio.file.Path;

/**
 * Where a knob's value came from: a line of a configuration file (possibly through a metaknob used there), the
 * environment, a built-in default, or a value HTCondor detects itself (host name, user name, ...).
 */
record ValueOrigin(String description, Path file, int line) {

    static final ValueOrigin DEFAULT = new ValueOrigin("<Default>", null, 0);
    static final ValueOrigin DETECTED = new ValueOrigin("<Detected>", null, 0);

    static ValueOrigin line(Path file, int line) {
        return new ValueOrigin(file + ", line " + line, file, line);
    }

    /** A value set by metaknob {@code metaknob} ("SECURITY:strong") used at {@code file}, {@code line}. */
    static ValueOrigin metaknob(Path file, int line, String metaknob) {
        return new ValueOrigin(file + ", line " + line + " (use " + metaknob + ")", file, line);
    }

    /** A {@link ConfigException} about this value, located at its file and line when it has them. */
    ConfigException error(String message) {
        return file == null ? new ConfigException(description + ": " + message) : new ConfigException(file, line, message);
    }

    @Override
    public String toString() {
        return description;
    }
}
