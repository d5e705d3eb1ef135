package org.jcedar.it.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.daemon.DaemonConfiguration;
import org.jcedar.daemon.MockDaemon;

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
        Map<String, String> all = new HashMap<>(Map.of("TRUST_DOMAIN", TRUST_DOMAIN, "UID_DOMAIN", TRUST_DOMAIN,
                "SEC_PASSWORD_DIRECTORY", passwords.toString(),
                "SEC_TOKEN_POOL_SIGNING_KEY_FILE", passwords.resolve("POOL").toString()));
        all.putAll(knobs);
        Path config = directory.resolve("condor_config");
        Files.writeString(config, all.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Map<String, String> environment = new HashMap<>();
        environment.put("CONDOR_CONFIG", config.toString());
        CondorConfig condorConfig = CondorConfig.load(ConfigEnvironment.builder(DaemonConfiguration.SUBSYSTEM)
                .environment(environment).build());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MockDaemon daemon = MockDaemon.start(DaemonConfiguration.from(condorConfig), bindAddress, 0,
                new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new JcedarDaemon(directory, daemon, log);
    }

    String address() {
        return daemon.sinfulAddress();
    }

    Path poolKey() {
        return directory.resolve("passwords.d").resolve("POOL");
    }

    /** The daemon's private directory (its configuration, passwords.d). */
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
