package org.jcedar.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.config.ConfigException;
import org.jcedar.keys.KeyFileException;

/**
 * Configures and starts a {@link MockDaemon} in this JVM, as an HTCondor configuration would: a configuration
 * file to read (optional), knobs set on top of it, signing keys, the port. Nothing of the process (its
 * environment, {@code CONDOR_CONFIG}, {@code _CONDOR_*} variables) leaks in: the daemon sees exactly what the
 * builder says.
 *
 * <p>Unless the configuration names them, the daemon's signing keys live in a private temporary directory
 * (SEC_PASSWORD_DIRECTORY, with POOL as SEC_TOKEN_POOL_SIGNING_KEY_FILE), created at start with a random POOL
 * key unless one is given, and deleted when the daemon stops.
 *
 * <pre>{@code
 * try (MockDaemon daemon = MockDaemon.builder()
 *         .trustDomain("example.org")
 *         .signingKey("POOL", poolKeyBytes)
 *         .set("ALLOW_ADVERTISE_SCHEDD", "*")
 *         .start()) {
 *     int port = daemon.port();
 * }
 * }</pre>
 */
public final class MockDaemonBuilder {
    private Path configFile;
    private final Map<String, String> knobs = new LinkedHashMap<>();
    private final Map<String, byte[]> signingKeys = new LinkedHashMap<>();
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private String hostName = "localhost";
    private PrintStream log;
    private Clock clock = Clock.systemUTC();

    MockDaemonBuilder() {
    }

    /** An HTCondor configuration file to read first, as CONDOR_CONFIG would name it (includes are followed). */
    public MockDaemonBuilder configFile(Path file) {
        this.configFile = Objects.requireNonNull(file);
        return this;
    }

    /**
     * Sets a knob after the configuration file, as a line {@code NAME = value} would (macros such as
     * {@code $(ETC)} are expanded). The value must fit on one line.
     */
    public MockDaemonBuilder set(String knob, String value) {
        if (!knob.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("not a knob name: " + knob);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the value of " + knob + " must fit on one line");
        }
        knobs.put(knob, value);
        return this;
    }

    /** TRUST_DOMAIN and UID_DOMAIN: the issuer of the tokens the daemon makes and the domain of its users. */
    public MockDaemonBuilder trustDomain(String domain) {
        set("TRUST_DOMAIN", domain);
        return set("UID_DOMAIN", domain);
    }

    /** SEC_PASSWORD_DIRECTORY: where the named signing keys are (POOL too, unless configured elsewhere). */
    public MockDaemonBuilder passwordDirectory(Path directory) {
        return set("SEC_PASSWORD_DIRECTORY", directory.toAbsolutePath().toString());
    }

    /** A signing key the daemon holds, written (scrambled, mode 0600) into its key files before it starts. */
    public MockDaemonBuilder signingKey(String keyId, byte[] rawKey) {
        if (keyId.isEmpty() || keyId.contains("/") || keyId.startsWith(".")) {
            throw new IllegalArgumentException("not a key name: " + keyId);
        }
        signingKeys.put(keyId, rawKey.clone());
        return this;
    }

    /** The address to listen on; default the loopback address. */
    public MockDaemonBuilder bindAddress(InetAddress address) {
        this.bindAddress = Objects.requireNonNull(address);
        return this;
    }

    /** The port to listen on; default 0: any free port. */
    public MockDaemonBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /** The host name the configuration sees ({@code $(FULL_HOSTNAME)}); default {@code localhost}. */
    public MockDaemonBuilder hostName(String name) {
        this.hostName = Objects.requireNonNull(name);
        return this;
    }

    /** Where the daemon logs, one line per command; default nowhere. */
    public MockDaemonBuilder log(PrintStream out) {
        this.log = Objects.requireNonNull(out);
        return this;
    }

    /** The clock of token times, ad expiry and request expiry; default the system clock. */
    public MockDaemonBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Reads the configuration, writes the signing keys, starts listening. */
    public MockDaemon start() throws IOException, ConfigException {
        Path work = Files.createTempDirectory("jcedar-mock-daemon-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            CondorConfig condorConfig = load(work);
            DaemonConfiguration config = DaemonConfiguration.from(condorConfig);
            for (Map.Entry<String, byte[]> key : signingKeys.entrySet()) {
                try {
                    config.keyStore().create(key.getKey(), key.getValue());
                } catch (KeyFileException e) {
                    throw new IOException(e.getMessage() + " (" + e.detail() + ")", e);
                }
            }
            PrintStream out = log != null ? log : new PrintStream(OutputStream.nullOutputStream());
            return MockDaemon.start(config, bindAddress, port, out, clock, Optional.of(work));
        } catch (IOException | ConfigException | RuntimeException e) {
            MockDaemon.deleteTree(work);
            throw e;
        }
    }

    /**
     * The configuration: a file of our own that includes the given one, puts the keys into the work directory
     * unless the configuration says where they are, and sets the knobs last.
     */
    private CondorConfig load(Path work) throws IOException, ConfigException {
        List<String> lines = new ArrayList<>();
        lines.add("# generated by jcedar's MockDaemonBuilder");
        Path keys = work.resolve("passwords.d");
        Files.createDirectory(keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        lines.add("SEC_PASSWORD_DIRECTORY = " + keys);
        lines.add("SEC_TOKEN_POOL_SIGNING_KEY_FILE = $(SEC_PASSWORD_DIRECTORY)/POOL");
        if (configFile != null) {
            lines.add("include : " + configFile.toAbsolutePath());
        }
        knobs.forEach((name, value) -> lines.add(name + " = " + value));
        Path file = work.resolve("condor_config");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ConfigEnvironment environment = ConfigEnvironment.builder(DaemonConfiguration.SUBSYSTEM)
                .environment(Map.of("CONDOR_CONFIG", file.toString()))
                .userName(System.getProperty("user.name", ""))
                .hostName(hostName)
                .privileged("root".equals(System.getProperty("user.name")))
                .workingDirectory(Path.of("").toAbsolutePath())
                .build();
        return CondorConfig.load(environment);
    }
}
