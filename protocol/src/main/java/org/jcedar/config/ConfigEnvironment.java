package org.jcedar.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything outside the configuration files that decides what HTCondor's configuration reader reads and
 * what it detects: the process environment ({@code CONDOR_CONFIG}, {@code _CONDOR_*} overrides, {@code $ENV()}),
 * the user (for {@code ~/.condor/user_config} and {@code $(USERNAME)}), the host name, the {@code condor}
 * account's home ({@code ~condor}), the subsystem a look-up is made for, and the HTCondor version whose
 * behaviour to reproduce. Tests and the mock daemon build one explicitly, so loading a configuration never
 * depends on the real process unless {@link #ofProcess} is asked to.
 */
public final class ConfigEnvironment {
    private final Map<String, String> environment;
    private final String subsystem;
    private final String localName;
    private final String userName;
    private final Path userHome;
    private final String hostName;
    private final boolean privileged;
    private final Path condorHome;
    private final Path workingDirectory;
    private final HtcondorVersion version;
    private final List<Path> globalConfigLocations;
    private final String ipv4Address;
    private final String ipv6Address;

    private ConfigEnvironment(Builder b) {
        this.environment = Map.copyOf(b.environment);
        this.subsystem = b.subsystem;
        this.localName = b.localName;
        this.userName = b.userName;
        this.userHome = b.userHome;
        this.hostName = b.hostName;
        this.privileged = b.privileged;
        this.condorHome = b.condorHome;
        this.workingDirectory = b.workingDirectory;
        this.version = b.version;
        this.ipv4Address = b.ipv4Address;
        this.ipv6Address = b.ipv6Address;
        this.globalConfigLocations = b.globalConfigLocations != null ? List.copyOf(b.globalConfigLocations)
                : standardGlobalConfigLocations(condorHome);
    }

    /** Where HTCondor's tools look for condor_config when CONDOR_CONFIG is not set, in order. */
    private static List<Path> standardGlobalConfigLocations(Path condorHome) {
        List<Path> locations = new ArrayList<>(List.of(
                Path.of("/etc/condor/condor_config"), Path.of("/usr/local/etc/condor_config")));
        if (condorHome != null) {
            locations.add(condorHome.resolve("condor_config"));
        }
        return List.copyOf(locations);
    }

    /**
     * A builder for subsystem {@code subsystem} (e.g. "TOOL", "SCHEDD", "COLLECTOR"; HTCondor's daemons and tools
     * use upper case, and {@code $(SUBSYSTEM)} keeps the spelling given).
     */
    public static Builder builder(String subsystem) {
        return new Builder(subsystem);
    }

    /**
     * This process as HTCondor's tools see it: its environment variables, the user it runs as and that user's
     * home (Java's {@code user.name} and {@code user.home}, which come from the password database as HTCondor's
     * do), the kernel's host name, whether it runs as root (then it "can switch ids": no user config, and
     * {@code $(CondorIsAdmin)} is true), {@code ~condor} from /etc/passwd, the working directory, and the
     * newest HTCondor version we verify against.
     */
    public static ConfigEnvironment ofProcess(String subsystem) {
        return builderOfProcess(subsystem).build();
    }

    /**
     * A builder preset as {@link #ofProcess} describes, to change some settings, e.g. a daemon that takes its
     * configuration file from the command line puts CONDOR_CONFIG into {@link Builder#environment}.
     */
    public static Builder builderOfProcess(String subsystem) {
        String user = System.getProperty("user.name", "");
        String home = System.getProperty("user.home", "");
        Builder b = builder(subsystem)
                .environment(System.getenv())
                .userName(user)
                .hostName(kernelHostName().orElse("localhost"))
                .privileged(processUid().map(uid -> uid == 0).orElse("root".equals(user)))
                .workingDirectory(Path.of("").toAbsolutePath())
                .version(HtcondorVersion.V25_14_1);
        if (!home.isEmpty() && !"?".equals(home)) {
            b.userHome(Path.of(home));
        }
        homeOfAccount(Path.of("/etc/passwd"), "condor").ifPresent(b::condorHome);
        return b;
    }

    /** The home directory of {@code account} in a passwd(5) file, as getpwnam would find it there. */
    static Optional<Path> homeOfAccount(Path passwd, String account) {
        try {
            List<String> lines = Files.readAllLines(passwd, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 7 && fields[0].equals(account) && !fields[5].isEmpty()) {
                    return Optional.of(Path.of(fields[5]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No readable password file: like getpwnam failing, there is no ~condor.
        }
        return Optional.empty();
    }

    private static Optional<String> kernelHostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> processUid() {
        try {
            // /proc/self belongs to the process's user: no native call needed.
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The environment variables (name to value). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The value of environment variable {@code name}, if set. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** The subsystem look-ups are made for (TOOL, SCHEDD, COLLECTOR, ...). */
    public String subsystem() {
        return subsystem;
    }

    /** The local name of a daemon that has one ({@code -local-name}); knobs prefixed with it win over all. */
    public Optional<String> localName() {
        return Optional.ofNullable(localName);
    }

    public String userName() {
        return userName;
    }

    /** The user's home directory, where {@code .condor/user_config} is looked for. */
    public Optional<Path> userHome() {
        return Optional.ofNullable(userHome);
    }

    /** The host name as the system reports it (HTCondor appends DEFAULT_DOMAIN_NAME when it has no dot). */
    public String hostName() {
        return hostName;
    }

    /** Whether the process can switch user ids (runs as root): then no user config is read. */
    public boolean privileged() {
        return privileged;
    }

    /** The home directory of the {@code condor} account ({@code ~condor}, the TILDE macro), if there is one. */
    public Optional<Path> condorHome() {
        return Optional.ofNullable(condorHome);
    }

    /** The directory relative file names in {@code CONDOR_CONFIG} and {@code include} are resolved against. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The HTCondor version whose configuration behaviour is reproduced. */
    public HtcondorVersion version() {
        return version;
    }

    /**
     * The host's IPv4 address as HTCondor would pick it (for {@code $(IP_ADDRESS)} and {@code $(IPV4_ADDRESS)}),
     * if known. {@link #ofProcess} does not pick one: HTCondor's choice depends on NETWORK_INTERFACE and the
     * interfaces, which this sans-I/O package does not inspect.
     */
    public Optional<String> ipv4Address() {
        return Optional.ofNullable(ipv4Address);
    }

    /** The host's IPv6 address as HTCondor would pick it (for {@code $(IPV6_ADDRESS)}), if known. */
    public Optional<String> ipv6Address() {
        return Optional.ofNullable(ipv6Address);
    }

    /**
     * Where the global configuration file is looked for when CONDOR_CONFIG is not set: /etc/condor/condor_config,
     * /usr/local/etc/condor_config and ~condor/condor_config, the first readable one wins.
     */
    public List<Path> globalConfigLocations() {
        return globalConfigLocations;
    }

    /** Builds a {@link ConfigEnvironment}; every setting but the subsystem has a neutral default. */
    public static final class Builder {
        private final String subsystem;
        private Map<String, String> environment = Map.of();
        private String localName;
        private String userName = "";
        private Path userHome;
        private String hostName = "localhost";
        private boolean privileged;
        private Path condorHome;
        private Path workingDirectory = Path.of("/");
        private HtcondorVersion version = HtcondorVersion.V25_14_1;
        private List<Path> globalConfigLocations;
        private String ipv4Address;
        private String ipv6Address;

        private Builder(String subsystem) {
            if (subsystem == null || subsystem.isBlank()) {
                throw new IllegalArgumentException("a subsystem is required (e.g. TOOL)");
            }
            this.subsystem = subsystem.trim();
        }

        public Builder environment(Map<String, String> variables) {
            this.environment = Objects.requireNonNull(variables);
            return this;
        }

        public Builder localName(String name) {
            this.localName = name == null || name.isEmpty() ? null : name;
            return this;
        }

        public Builder userName(String name) {
            this.userName = Objects.requireNonNull(name);
            return this;
        }

        public Builder userHome(Path home) {
            this.userHome = home;
            return this;
        }

        public Builder hostName(String name) {
            this.hostName = Objects.requireNonNull(name);
            return this;
        }

        public Builder privileged(boolean canSwitchIds) {
            this.privileged = canSwitchIds;
            return this;
        }

        public Builder condorHome(Path home) {
            this.condorHome = home;
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory);
            return this;
        }

        public Builder version(HtcondorVersion emulated) {
            this.version = Objects.requireNonNull(emulated);
            return this;
        }

        /** The IPv4 address HTCondor would detect, e.g. "192.0.2.2". */
        public Builder ipv4Address(String address) {
            this.ipv4Address = address;
            return this;
        }

        /** The IPv6 address HTCondor would detect, e.g. "fd00::2". */
        public Builder ipv6Address(String address) {
            this.ipv6Address = address;
            return this;
        }

        /** Replaces the standard places for condor_config (when CONDOR_CONFIG is unset), e.g. for tests. */
        public Builder globalConfigLocations(List<Path> locations) {
            this.globalConfigLocations = List.copyOf(locations);
            return this;
        }

        public ConfigEnvironment build() {
            return new ConfigEnvironment(this);
        }
    }
}
