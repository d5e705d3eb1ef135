package org.jcedar.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The HTCondor configuration could not be read the way HTCondor's tools read it: a file is missing or
 * unreadable, a statement is malformed, an {@code include} or {@code use} is refused, a value cannot be
 * expanded, or a typed look-up found a value of the wrong type. Says what was wrong and, where there is one,
 * the file and line it came from.
 */
public class ConfigException extends Exception {
    private final transient Path file;
    private final int line;

    /** A problem that belongs to no file (the environment, a look-up of a value that has no source line). */
    public ConfigException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
    }

    /** A problem at {@code line} (1-based; 0 when only the file is known) of {@code file}. */
    public ConfigException(Path file, int line, String message) {
        super(where(file, line) + message);
        this.file = file;
        this.line = line;
    }

    public ConfigException(Path file, int line, String message, Throwable cause) {
        super(where(file, line) + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The configuration file the problem was found in, if it came from one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line in {@link #file()}, or 0 when the problem concerns the whole file or no file. */
    public int line() {
        return line;
    }

    private static String where(Path file, int line) {
        return line > 0 ? file + ", line " + line + ": " : file + ": ";
    }
}
