package org.jcedar.it.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The shared scripts that build and drive the chroots: {@code provision.sh} and {@code pool.sh}. */
final class PoolScripts {

    private final Path directory;

    PoolScripts(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        for (String script : List.of("provision.sh", "pool.sh")) {
            if (!Files.isExecutable(this.directory.resolve(script))) {
                throw new IllegalStateException("no executable " + script + " in " + this.directory + "; set "
                        + InteropEnvironment.SCRIPTS + " to the directory of the real-htcondor scripts");
            }
        }
    }

    Path directory() {
        return directory;
    }

    ExecResult pool(Duration timeout, List<String> arguments) {
        return run("pool.sh", timeout, arguments);
    }

    ExecResult provision(Duration timeout, List<String> arguments) {
        return run("provision.sh", timeout, arguments);
    }

    private ExecResult run(String script, Duration timeout, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(directory.resolve(script).toString());
        command.addAll(arguments);
        return HostCommand.run(command, timeout);
    }
}
