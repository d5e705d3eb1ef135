package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real HTCondor personal pool (collector and schedd under one condor_master) in a chroot, started with
 * {@code pool.sh} on free loopback ports. Close it (try-with-resources) or let {@link SharedPools} do so;
 * a JVM shutdown hook stops whatever is still running. Stopping archives the pool's logs under
 * {@code target/real-htcondor-logs/<pool name>/} and removes the pool's directory from the chroot.
 */
public final class RealPool implements AutoCloseable {

    public static final String ROOT = "root";
    /**
     * A user without privileges in the chroot. Real HTCondor treats root specially (root tools use the
     * schedd's root-only command port and FS maps them to condor@...), so run tools as this user wherever
     * the identity matters.
     */
    public static final String UNPRIVILEGED_USER = "nobody";

    /** pool.sh itself waits 90 s for the schedd's ad; this only catches a hung script. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(120);
    /** A port can become busy between choosing it and pool.sh binding it; then another is tried. */
    private static final int START_ATTEMPTS = 4;
    private static final Path LOG_ARCHIVE = Path.of("target", "real-htcondor-logs");
    /** Where pool.sh keeps its pools inside a chroot. */
    private static final String POOLS_IN_CHROOT = "/var/lib/condor-pools/";

    private static final Set<RealPool> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(RealPool::stopQuietly), "stop-real-htcondor-pools"));
    }

    private final RealHtcondor htcondor;
    private final PoolScripts scripts;
    private final PoolOptions options;
    private final String name;
    private final int collectorPort;
    private final Map<String, String> paths;
    private boolean stopped;

    private RealPool(RealHtcondor htcondor, PoolScripts scripts, PoolOptions options, String name, int collectorPort,
                     Map<String, String> paths) {
        this.htcondor = htcondor;
        this.scripts = scripts;
        this.options = options;
        this.name = name;
        this.collectorPort = collectorPort;
        this.paths = paths;
    }

    static RealPool start(RealHtcondor htcondor, PoolScripts scripts, PoolOptions options) {
        if (options.sharedHostTmp()) {
            htcondor.shareHostTmp();
        }
        ExecResult last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreeLoopbackPort.pick();
            String name = poolName(htcondor, port);
            Path directory = htcondor.hostPath(POOLS_IN_CHROOT + name);
            if (Files.exists(directory)) {
                continue; // left by an earlier JVM with this pid; not ours to reuse or delete
            }
            OptionalInt scheddPort = options.fixedScheddPort() ? OptionalInt.of(otherFreePort(port)) : OptionalInt.empty();
            List<String> args = new ArrayList<>(List.of("start", htcondor.chroot().toString()));
            args.addAll(options.startArguments(name, port, scheddPort));
            last = scripts.pool(START_TIMEOUT, args);
            if (last.succeeded()) {
                RealPool pool = new RealPool(htcondor, scripts, options, name, port, readPaths(htcondor, scripts, name));
                RUNNING.add(pool);
                return pool;
            }
            discardDirectory(directory, name); // pool.sh has stopped what it started
            if (!last.stderr().contains("already in use")) {
                break;
            }
        }
        throw new IllegalStateException("could not start a pool in " + htcondor
                + (last == null ? "" : "\n" + last.describe()));
    }

    /**
     * Unique on the machine while this JVM lives, and starting with the run's prefix, so that {@code .ci/run}
     * can tell its pools from those of anyone else sharing the chroots.
     */
    private static String poolName(RealHtcondor htcondor, int port) {
        return InteropEnvironment.poolPrefix() + "-" + ProcessHandle.current().pid() + "-"
                + htcondor.series().major() + "-" + port;
    }

    public String name() {
        return name;
    }

    public RealHtcondor htcondor() {
        return htcondor;
    }

    public PoolOptions options() {
        return options;
    }

    public String trustDomain() {
        return options.trustDomain();
    }

    /** The collector's TCP port on 127.0.0.1 (with a shared port: condor_shared_port's). */
    public int collectorPort() {
        return collectorPort;
    }

    /** The collector's sinful string as the collector wrote it into its address file. */
    public String collectorAddress() {
        return firstLine(logDirectory().resolve(".collector_address"));
    }

    /** The schedd's sinful string as the schedd wrote it into its address file (its public command port). */
    public String scheddAddress() {
        return firstLine(hostPath(paths.get("SPOOL")).resolve(".schedd_address"));
    }

    /** The pool's directory, on the host. */
    public Path directory() {
        return Path.of(paths.get("POOL_DIR_HOST"));
    }

    /** The pool's directory as HTCondor in the chroot sees it. */
    public String directoryInChroot() {
        return paths.get("POOL_DIR");
    }

    /** SEC_PASSWORD_DIRECTORY (signing keys; POOL is created at start), on the host. */
    public Path passwordsDirectory() {
        return hostPath(paths.get("PASSWORDS_D"));
    }

    /** SEC_TOKEN_SYSTEM_DIRECTORY, on the host. */
    public Path tokensDirectory() {
        return hostPath(paths.get("TOKENS_D"));
    }

    public Path logDirectory() {
        return hostPath(paths.get("LOG"));
    }

    public Path scheddLog() {
        return logDirectory().resolve("SchedLog");
    }

    public Path collectorLog() {
        return logDirectory().resolve("CollectorLog");
    }

    /** Where a path inside the chroot is on the host. */
    public Path hostPath(String pathInChroot) {
        return htcondor.hostPath(pathInChroot);
    }

    /** Runs a command in the chroot with this pool's configuration; see {@link #exec(String, Map, String...)}. */
    public ExecResult exec(String user, String... command) {
        return exec(user, Map.of(), command);
    }

    /**
     * Runs a command in the chroot as {@code user} ({@link #ROOT}, {@link #UNPRIVILEGED_USER} or any user of
     * the chroot), with a clean environment, this pool's CONDOR_CONFIG and {@code environment} added (e.g.
     * {@code _CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS}). Returns whatever it exited with.
     */
    public ExecResult exec(String user, Map<String, String> environment, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", htcondor.chroot().toString(), "--name", name));
        if (!user.equals(ROOT)) {
            args.addAll(List.of("--user", user));
        }
        environment.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.add("--");
        args.addAll(List.of(command));
        return scripts.pool(EXEC_TIMEOUT, args);
    }

    /** Creates a named signing key (64 random bytes) in the pool's passwords.d and returns its host path. */
    public Path genkey(String keyName) {
        ExecResult result = scripts.pool(EXEC_TIMEOUT,
                List.of("genkey", htcondor.chroot().toString(), "--name", name, keyName)).requireSuccess();
        return Path.of(result.stdout().trim());
    }

    /**
     * Copies a host file into the chroot, creating missing directories, owned by {@code owner} (a user of the
     * chroot) with the octal {@code mode} - e.g. a token that real HTCondor only reads when its owner is the
     * client user and its mode 0600. The chroot's own install(1) sets owner and mode, so the chroot's user
     * ids apply and no symbolic link in the chroot can lead the copy out of it.
     */
    public void copyIn(Path hostFile, String pathInChroot, String owner, String mode) {
        String staged = stage();
        try {
            Files.copy(hostFile, hostPath(staged), StandardCopyOption.REPLACE_EXISTING);
            exec(ROOT, "install", "-D", "-o", owner, "-m", mode, staged, pathInChroot).requireSuccess();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + hostFile + " into " + htcondor, e);
        } finally {
            deleteStaged(staged);
        }
    }

    /** Copies a file of the chroot (e.g. a signing key in passwords.d) to the host. */
    public void copyOut(String pathInChroot, Path hostFile) {
        String staged = stage();
        try {
            exec(ROOT, "install", "-m", "0600", pathInChroot, staged).requireSuccess();
            Files.copy(hostPath(staged), hostFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + pathInChroot + " out of " + htcondor, e);
        } finally {
            deleteStaged(staged);
        }
    }

    /**
     * Stops every daemon of the pool (pool.sh stop), archives its logs and removes its directory. Does
     * nothing when already stopped; when pool.sh cannot stop it, throws and leaves the directory for
     * inspection.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        scripts.pool(STOP_TIMEOUT, List.of("stop", htcondor.chroot().toString(), "--name", name)).requireSuccess();
        stopped = true;
        RUNNING.remove(this);
        discardDirectory(directory(), name);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "pool " + name + " (collector 127.0.0.1:" + collectorPort + ") of " + htcondor;
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("could not stop " + this + ": " + e.getMessage());
        }
    }

    /** A fresh file name in the pool's own directory, which pool.sh made and no link leads out of. */
    private String stage() {
        return directoryInChroot() + "/staged-" + UUID.randomUUID();
    }

    private void deleteStaged(String staged) {
        try {
            Files.deleteIfExists(hostPath(staged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + staged, e);
        }
    }

    private static int otherFreePort(int taken) {
        int port;
        do {
            port = FreeLoopbackPort.pick();
        } while (port == taken);
        return port;
    }

    /** The pool's directories, from {@code pool.sh paths} (KEY=VALUE lines). */
    private static Map<String, String> readPaths(RealHtcondor htcondor, PoolScripts scripts, String name) {
        ExecResult result = scripts.pool(EXEC_TIMEOUT,
                List.of("paths", htcondor.chroot().toString(), "--name", name)).requireSuccess();
        return result.stdout().lines()
                .filter(line -> line.indexOf('=') > 0)
                .collect(Collectors.toUnmodifiableMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
    }

    private static String firstLine(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow(() -> new IllegalStateException(file + " is empty"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Keeps the logs of a pool (for a failed test's post-mortem) and deletes its directory from the chroot. */
    private static void discardDirectory(Path directory, String name) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try {
            Path logs = directory.resolve("log");
            if (Files.isDirectory(logs)) {
                Path archive = LOG_ARCHIVE.resolve(name);
                Files.createDirectories(archive);
                try (Stream<Path> files = Files.list(logs)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        Files.copy(file, archive.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive and remove " + directory, e);
        }
    }
}
