package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One real HTCondor installation: a chroot made by {@code provision.sh}, which a {@link RealHtcondorTest}
 * method receives as its parameter. It starts pools in that chroot.
 */
public final class RealHtcondor {

    /** Written by provision.sh into every chroot it completed: SUITE=, CONDOR_VERSION=, ... */
    private static final String PROVISIONED_MARKER = "etc/real-htcondor-provisioned";

    private final HtcondorSeries series;
    private final Path chroot;
    private final String version;
    private final PoolScripts scripts;
    private final SharedPools sharedPools;

    private RealHtcondor(HtcondorSeries series, Path chroot, String version, PoolScripts scripts,
                         SharedPools sharedPools) {
        this.series = series;
        this.chroot = chroot;
        this.version = version;
        this.scripts = scripts;
        this.sharedPools = sharedPools;
    }

    /**
     * The installation of {@code series} in {@code chroot}, checked: the chroot must be one that provision.sh
     * completed, with a version of that series, and this JVM must be root (pool.sh uses chroot(8)).
     */
    static RealHtcondor locate(HtcondorSeries series, Path chroot, PoolScripts scripts, SharedPools sharedPools) {
        String where = series.chrootVariable() + "=" + chroot;
        int uid = currentUid();
        if (uid != 0) {
            throw new IllegalStateException(where + " is set, but real HTCondor pools run in chroots and need root;"
                    + " this JVM runs as uid " + uid);
        }
        Path marker = chroot.resolve(PROVISIONED_MARKER);
        if (!Files.isRegularFile(marker)) {
            throw new IllegalStateException(where + " is not a chroot completed by provision.sh (no /"
                    + PROVISIONED_MARKER + "); make it with: " + scripts.directory().resolve("provision.sh")
                    + " " + series.debianSuite() + " " + chroot);
        }
        String version = readMarker(marker).getOrDefault("CONDOR_VERSION", "");
        if (!series.includes(version)) {
            throw new IllegalStateException(where + " holds HTCondor '" + version + "', not " + series.label());
        }
        return new RealHtcondor(series, chroot.toAbsolutePath().normalize(), version, scripts, sharedPools);
    }

    public HtcondorSeries series() {
        return series;
    }

    public Path chroot() {
        return chroot;
    }

    /** The installed version, e.g. "23.9.6". */
    public String version() {
        return version;
    }

    /** Starts a pool of its own; the caller stops it, best with try-with-resources. */
    public RealPool startPool(PoolOptions options) {
        return RealPool.start(this, scripts, options);
    }

    /**
     * A pool with these options that every test of the current test class shares for this installation:
     * started on first use, stopped after the class. Pools take seconds to start and stop, so tests that
     * only read from a pool should share one.
     */
    public RealPool sharedPool(PoolOptions options) {
        return sharedPools.get(this, options);
    }

    /**
     * Bind-mounts the host's /tmp on the chroot's /tmp ({@code provision.sh share-tmp}), so that FS
     * authentication works between a process on the host (this JVM) and HTCondor in the chroot: FS proves
     * an identity by a file in /tmp that both sides must see. The mount stays until the chroot is unmounted.
     */
    public void shareHostTmp() {
        scripts.provision(Duration.ofSeconds(60), List.of("share-tmp", chroot.toString())).requireSuccess();
    }

    /**
     * Runs an HTCondor tool in the chroot as {@code user}, outside any pool: a clean environment with only
     * {@code environment} (e.g. {@code CONDOR_CONFIG} naming a file under the shared /tmp), for tools pointed at
     * a jcedar daemon on the host.
     */
    public ExecResult run(String user, Map<String, String> environment, String... command) {
        List<String> argv = new ArrayList<>(List.of("chroot", "--userspec=" + user + ":" + groupOf(user),
                chroot.toString(), "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/tmp"));
        environment.forEach((name, value) -> argv.add(name + "=" + value));
        argv.addAll(List.of(command));
        return HostCommand.run(argv, Duration.ofMinutes(2));
    }

    private static String groupOf(String user) {
        return user.equals("root") ? "root" : "nogroup";
    }

    /** Where a path inside the chroot is on the host. */
    public Path hostPath(String pathInChroot) {
        return chroot.resolve(pathInChroot.replaceFirst("^/+", ""));
    }

    @Override
    public String toString() {
        return "HTCondor " + version + " in " + chroot;
    }

    private static int currentUid() {
        try {
            // /proc/self belongs to the process's user: no native call needed.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell which user this JVM runs as", e);
        }
    }

    private static Map<String, String> readMarker(Path marker) {
        try {
            return Files.readAllLines(marker).stream()
                    .filter(line -> line.indexOf('=') > 0)
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                            line -> line.substring(line.indexOf('=') + 1), (first, second) -> second));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }
}
