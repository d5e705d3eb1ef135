package org.jcedar.it.real;

import java.util.List;

/** What a command run on the host or in a chroot returned. */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result, or an exception that shows the command and everything it printed. */
    public ExecResult requireSuccess() {
        if (!succeeded()) {
            throw new IllegalStateException(describe());
        }
        return this;
    }

    /** The command, its exit status and its output, for assertion messages. */
    public String describe() {
        return "command " + command + " exited with " + exitCode
                + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
