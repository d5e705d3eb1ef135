package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jcedar.config.HtcondorVersion;

/**
 * Real HTCondor's {@code condor_config_val} in a provisioned chroot, run with a clean environment, as root or as
 * {@code nobody}. Until the shared real-HTCondor harness is on main, it finds the chroots itself through
 * JCEDAR_HTCONDOR_23 and JCEDAR_HTCONDOR_25.
 */
final class RealConfigTool {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String variable;
    private final Path root;
    private final HtcondorVersion version;

    private RealConfigTool(String variable, Path root, HtcondorVersion version) {
        this.variable = variable;
        this.root = root;
        this.version = version;
    }

    /** The installation JCEDAR_HTCONDOR_&lt;major&gt; points at, if the variable is set. */
    static Optional<RealConfigTool> locate(int major) {
        String variable = "JCEDAR_HTCONDOR_" + major;
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path root = Path.of(value).toAbsolutePath().normalize();
        Path marker = root.resolve("etc/real-htcondor-provisioned");
        String installed = readProperties(marker).getOrDefault("CONDOR_VERSION", "");
        HtcondorVersion version = HtcondorVersion.parse(installed).orElseThrow(() ->
                new IllegalStateException(variable + "=" + root + " has no usable CONDOR_VERSION in " + marker));
        return Optional.of(new RealConfigTool(variable, root, version));
    }

    Path root() {
        return root;
    }

    HtcondorVersion version() {
        return version;
    }

    /** Where path {@code inChroot} (absolute inside the chroot) is on the host. */
    Path hostPath(String inChroot) {
        return root.resolve(inChroot.replaceFirst("^/+", ""));
    }

    /** The home directory of the chroot's condor account (its ~condor), from its /etc/passwd. */
    Optional<Path> condorHome() {
        for (String line : readLines(hostPath("/etc/passwd"))) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 7 && fields[0].equals("condor")) {
                return Optional.of(Path.of(fields[5]));
            }
        }
        return Optional.empty();
    }

    /** The result of one run: exit code, standard output and standard error. */
    record Run(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }

    /**
     * Runs {@code condor_config_val args} in the chroot with exactly {@code environment} (plus nothing), as
     * root or, when {@code asNobody}, as nobody:nogroup.
     */
    Run run(Map<String, String> environment, boolean asNobody, List<String> args) {
        return run(environment, asNobody, args, TIMEOUT);
    }

    Run run(Map<String, String> environment, boolean asNobody, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("chroot"));
        if (asNobody) {
            command.add("--userspec=nobody:nogroup");
        }
        command.add(root.toString());
        command.add("/usr/bin/env");
        command.add("-i");
        new TreeMap<>(environment).forEach((k, v) -> command.add(k + "=" + v));
        command.add("condor_config_val");
        command.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("jcedar-ccv-", ".out");
            err = Files.createTempFile("jcedar-ccv-", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return null;
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * {@code condor_config_val -expanded -dump}: every knob the tool knows (configured or built in) with its
     * expanded value, by lower-case name. Multi-line values come as {@code NAME @=end}, indented lines,
     * {@code @end}.
     */
    static Map<String, String> parseDump(String dump) {
        Map<String, String> values = new TreeMap<>();
        String[] lines = dump.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf(" = ");
            int here = line.indexOf(" @=");
            if (here > 0 && (equals < 0 || here < equals)) {
                String tag = line.substring(here + 3);
                StringBuilder value = new StringBuilder();
                while (++i < lines.length && !lines[i].equals("@" + tag)) {
                    if (value.length() > 0) {
                        value.append('\n');
                    }
                    value.append(lines[i].replaceFirst("^   ", ""));
                }
                values.put(line.substring(0, here).toLowerCase(Locale.ROOT), value.toString());
            } else if (equals > 0) {
                values.put(line.substring(0, equals).toLowerCase(Locale.ROOT), line.substring(equals + 3));
            } else if (line.endsWith(" =")) {
                values.put(line.substring(0, line.length() - 2).toLowerCase(Locale.ROOT), "");
            }
        }
        return values;
    }

    /** The names {@code condor_config_val -summary} lists: every knob a configuration source or the environment set. */
    static List<String> parseSummaryNames(String summary) {
        List<String> names = new ArrayList<>();
        for (String line : summary.split("\n")) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(" ") || line.startsWith("@")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '=') {
                end++;
            }
            if (end > 0) {
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return "HTCondor " + version + " (" + variable + "=" + root + ")";
    }

    private static Map<String, String> readProperties(Path file) {
        Map<String, String> values = new TreeMap<>();
        for (String line : readLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a left-over temporary file is harmless
        }
    }
}
