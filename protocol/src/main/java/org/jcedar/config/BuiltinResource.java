package org.jcedar.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads one of the tables of HTCondor data that ship with this package (defaults, metaknobs). */
final class BuiltinResource {
    private BuiltinResource() {
    }

    /** The lines of resource {@code name} next to this class; a missing resource is a packaging bug. */
    static List<String> lines(String name) {
        try (InputStream in = BuiltinResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in table " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in table " + name, e);
        }
    }
}
