package org.jcedar.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Properties;

/** Loads the files under src/test/resources/vectors (see the README there). */
final class Vectors {
    private Vectors() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(String name) {
        return new String(bytes(name), StandardCharsets.US_ASCII).strip();
    }

    static byte[] expectedHex(String key) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.ByteArrayInputStream(bytes("protocol-30/expected.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().parseHex(properties.getProperty(key));
    }

    /** Installs a vector key file as {@code dir/name} with mode 0600, as HTCondor requires. */
    static Path installKey(String vector, Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes(vector));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
