package org.jcedar.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTCondor configuration values a client reads (knob names in any case). A seam, so that the client does not
 * depend on how configuration is read: the tools pass HTCondor's configuration files, tests a map.
 */
@FunctionalInterface
public interface ClientConfiguration {
    /** The value of {@code knob}, or empty if it is unset or empty (HTCondor treats both alike). */
    Optional<String> get(String knob);

    /** The value as a path. */
    default Optional<Path> path(String knob) {
        return get(knob).map(Path::of);
    }

    /** HTCondor's boolean spellings (true/false, yes/no, t/f, y/n, 1/0, any case); anything else is {@code otherwise}. */
    default boolean bool(String knob, boolean otherwise) {
        return get(knob).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "t", "y", "1" -> true;
            case "false", "no", "f", "n", "0" -> false;
            default -> otherwise;
        }).orElse(otherwise);
    }

    /** A decimal integer; {@code otherwise} when unset or not a number. */
    default long integer(String knob, long otherwise) {
        try {
            return get(knob).map(v -> Long.parseLong(v.strip())).orElse(otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A list separated by commas and/or white space, as HTCondor's StringList reads it; empty items dropped. */
    default List<String> list(String knob) {
        List<String> items = new ArrayList<>();
        for (String item : get(knob).orElse("").split("[,\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }
}
