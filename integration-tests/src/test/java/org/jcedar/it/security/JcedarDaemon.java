package org.jcedar.it.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.daemon.MockDaemonBuilder;

/**
 * jcedar's daemon started in this JVM for a test, configured by the knobs given on top of a private directory of
 * its own (signing keys, trust domain {@value #TRUST_DOMAIN}); its log is kept for assertions.
 */
final class JcedarDaemon implements AutoCloseable {
    static final String TRUST_DOMAIN = "jcedar-daemon.test";

    private final Path directory;
    private final MockDaemon daemon;
    private final ByteArrayOutputStream log;

    private JcedarDaemon(Path directory, MockDaemon daemon, ByteArrayOutputStream log) {
        this.directory = directory;
        this.daemon = daemon;
        this.log = log;
    }

    static JcedarDaemon start(Map<String, String> knobs) throws Exception {
        return start(knobs, InetAddress.getLoopbackAddress());
    }

    /** Listening on {@code bindAddress} (e.g. ::1) instead of 127.0.0.1. */
    static JcedarDaemon start(Map<String, String> knobs, InetAddress bindAddress) throws Exception {
        Path directory = Files.createTempDirectory("jcedar-daemon-");
        Path passwords = Files.createDirectory(directory.resolve("passwords.d"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MockDaemonBuilder builder = MockDaemon.builder().trustDomain(TRUST_DOMAIN).passwordDirectory(passwords)
                .bindAddress(bindAddress).log(new PrintStream(log, true, StandardCharsets.UTF_8));
        knobs.forEach(builder::set);
        return new JcedarDaemon(directory, builder.start(), log);
    }

    String address() {
        return daemon.sinfulAddress();
    }

    Path poolKey() {
        return directory.resolve("passwords.d").resolve("POOL");
    }

    /** The daemon's private directory (its passwords.d). */
    Path directory() {
        return directory;
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        daemon.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
