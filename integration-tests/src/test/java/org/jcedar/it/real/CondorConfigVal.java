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
import org.jcedar.config.HtcondorVersion;

/**
 * Real HTCondor's {@code condor_config_val} in a provisioned chroot, run with exactly the environment a test
 * gives it (nothing inherited), as root or as {@code nobody}; and readers for its output.
 */
final class CondorConfigVal {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RealHtcondor htcondor;
    private final HtcondorVersion version;

    CondorConfigVal(RealHtcondor htcondor) {
        this.htcondor = htcondor;
        this.version = HtcondorVersion.parse(htcondor.version()).orElseThrow(() ->
                new IllegalStateException(htcondor + ": not a version we can reproduce: " + htcondor.version()));
    }

    RealHtcondor htcondor() {
        return htcondor;
    }

    HtcondorVersion version() {
        return version;
    }

    /** The series of jcedar's built-in tables (defaults, metaknobs) for this version: 23 before 24.0, else 25. */
    int tableSeries() {
        return version.major() < 24 ? 23 : 25;
    }

    /** The home directory of the chroot's condor account (its ~condor), from its /etc/passwd. */
    Optional<Path> condorHome() {
        try {
            for (String line : Files.readAllLines(htcondor.hostPath("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 7 && fields[0].equals("condor")) {
                    return Optional.of(Path.of(fields[5]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** Runs {@code condor_config_val args} with exactly {@code environment}, as root or as nobody:nogroup. */
    ExecResult run(Map<String, String> environment, boolean asNobody, List<String> args) {
        return run(environment, asNobody, args, TIMEOUT);
    }

    /** As {@link #run(Map, boolean, List)}; an exception from the harness when it does not finish in time. */
    ExecResult run(Map<String, String> environment, boolean asNobody, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("chroot"));
        if (asNobody) {
            command.add("--userspec=nobody:nogroup");
        }
        command.add(htcondor.chroot().toString());
        command.add("/usr/bin/env");
        command.add("-i");
        new TreeMap<>(environment).forEach((k, v) -> command.add(k + "=" + v));
        command.add("condor_config_val");
        command.addAll(args);
        return HostCommand.run(command, timeout);
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
        return htcondor.toString();
    }
}
