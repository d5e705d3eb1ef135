package org.jcedar.it.mock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jcedar.config.ConfigException;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.daemon.MockDaemonBuilder;
import org.jcedar.it.real.RealPool;

/**
 * A mock daemon in this JVM configured like a real pool: from the pool's own configuration file (its security
 * metaknob, methods, ALLOW lists, trust domain), with the pool's POOL signing key, so that real tools and daemons
 * of the pool treat it like a daemon of their own. Its log goes to {@code target/mock-daemon-logs/}.
 */
final class MockBesidePool {
    static final String SCHEDD_NAME = "mock@localhost";

    private MockBesidePool() {
    }

    /**
     * @param keys   an empty directory for the mock's copy of the pool's keys
     * @param knobs  settings on top of the pool's configuration
     */
    static MockDaemon start(RealPool pool, Path keys, Map<String, String> knobs, String logName)
            throws IOException, ConfigException {
        copyKeys(pool, keys);
        Path logs = Files.createDirectories(Path.of("target", "mock-daemon-logs"));
        MockDaemonBuilder builder = MockDaemon.builder()
                .configFile(pool.directory().resolve("pool.config"))
                .passwordDirectory(keys)
                .set("SEC_TOKEN_POOL_SIGNING_KEY_FILE", keys.resolve("POOL").toString())
                .set("SCHEDD_NAME", SCHEDD_NAME)
                .set("COLLECTOR_NAME", "mock-collector")
                .log(new PrintStream(Files.newOutputStream(logs.resolve(logName + ".log")), true,
                        StandardCharsets.UTF_8));
        knobs.forEach(builder::set);
        return builder.start();
    }

    /** The pool's signing keys, as the mock's own: owned by this (root) process, mode 0600. */
    static void copyKeys(RealPool pool, Path keys) throws IOException {
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(pool.passwordsDirectory())) {
            for (Path key : (Iterable<Path>) files::iterator) {
                Path copy = keys.resolve(key.getFileName().toString());
                Files.copy(key, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }
}
