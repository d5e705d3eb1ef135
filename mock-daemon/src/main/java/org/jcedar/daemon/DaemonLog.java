package org.jcedar.daemon;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The daemon's log in HTCondor's style ({@code MM/dd/yy HH:mm:ss message}), one line per command with the peer,
 * the identity, the method, the command and the result. A plain stream writer: HTCondor's format needs nothing
 * a logging framework would add, and start-up stays fast.
 */
public final class DaemonLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
    private final PrintStream out;

    public DaemonLog(PrintStream out) {
        this.out = out;
    }

    public void info(String message) {
        String line = TIME.format(LocalDateTime.now()) + " " + message;
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The line for one command: who asked, how they authenticated, what they asked and what came of it. */
    public void command(String peer, String identity, String method, String command, String result) {
        info("Command from " + peer + ": identity=" + identity + " method=" + method + " command=" + command
                + " result=" + result);
    }
}
