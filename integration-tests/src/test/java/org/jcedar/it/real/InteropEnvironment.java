package org.jcedar.it.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The environment variables through which a run points the interop tests at real HTCondor. README.md
 * ("Interop tests with real HTCondor") documents them; {@code .ci/run} sets all of them.
 */
final class InteropEnvironment {

    /** "1" turns every interop skip into a failure: CI must never pass without real HTCondor. */
    static final String REQUIRE_INTEROP = "JCEDAR_REQUIRE_INTEROP";
    /** Where provision.sh and pool.sh live; default {@code ../shared/real-htcondor} beside the repository. */
    static final String SCRIPTS = "JCEDAR_REAL_HTCONDOR_SCRIPTS";
    /** Prefix of the pool names, so that a CI run can find and stop exactly the pools it started. */
    static final String POOL_PREFIX = "JCEDAR_POOL_PREFIX";

    private static final String DEFAULT_POOL_PREFIX = "jcedar";

    private InteropEnvironment() {
    }

    static Optional<Path> chroot(HtcondorSeries series) {
        return value(series.chrootVariable()).map(Path::of);
    }

    static boolean interopRequired() {
        return value(REQUIRE_INTEROP).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }

    static Path scriptsDirectory() {
        return value(SCRIPTS).map(Path::of).orElseGet(() -> repositoryRoot()
                .map(root -> root.resolve("../shared/real-htcondor").normalize())
                .orElseThrow(() -> new IllegalStateException("cannot find the repository root above "
                        + Path.of("").toAbsolutePath() + "; set " + SCRIPTS + " to the directory of pool.sh")));
    }

    static String poolPrefix() {
        return value(POOL_PREFIX).orElse(DEFAULT_POOL_PREFIX);
    }

    /** The nearest directory above the working directory (Maven runs tests in the module) that holds .git. */
    private static Optional<Path> repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
