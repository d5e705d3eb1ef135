package org.jcedar.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The HTCondor configuration values the token tools read. A small seam so the tools do not depend on how
 * configuration is read: {@link EnvironmentConfiguration} until org.jcedar.config.CondorConfig is
 * available here, then an adapter over it.
 */
public interface ToolConfiguration {
    /** The value of {@code knob}, or empty if it is unset or empty (HTCondor treats both alike). */
    Optional<String> get(String knob);

    /** The value as a path. */
    default Optional<Path> path(String knob) {
        return get(knob).map(Path::of);
    }

    /** HTCondor's boolean spellings (true/false, yes/no, 1/0, any case); anything else is {@code otherwise}. */
    default boolean bool(String knob, boolean otherwise) {
        return get(knob).map(v -> switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "t", "y", "1" -> true;
            case "false", "no", "f", "n", "0" -> false;
            default -> otherwise;
        }).orElse(otherwise);
    }
}
