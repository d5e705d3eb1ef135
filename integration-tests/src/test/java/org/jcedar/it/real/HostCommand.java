package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command on the host with a deadline and collects its output. */
final class HostCommand {

    private HostCommand() {
    }

    /**
     * Runs {@code command} to completion. The caller's {@code _CONDOR_*} variables are removed from its
     * environment because pool.sh passes them into the chroot, and a test's configuration must come from
     * the test alone. Output goes to files, not pipes, so that a chatty command cannot block on a full pipe.
     */
    static ExecResult run(List<String> command, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("jcedar-cmd-", ".out");
            stderr = Files.createTempFile("jcedar-cmd-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("_CONDOR_"));
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("command " + command + " did not finish within " + timeout
                        + "\n--- stdout ---\n" + Files.readString(stdout, StandardCharsets.UTF_8)
                        + "--- stderr ---\n" + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new ExecResult(List.copyOf(command), process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A left-over temporary file is harmless; the command's result matters more.
        }
    }
}
