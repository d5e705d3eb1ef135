package org.jcedar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.jcedar.client.ClientConfiguration;
import org.jcedar.client.ClientProcess;
import org.jcedar.client.EcdhKeyPairs;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigException;
import org.jcedar.keys.ProcessIdentity;

/**
 * What a tool runs with: its streams, configuration, identity, source of time, and its connections' ECDH key pairs
 * with the random source they are drawn from ({@link #random()}).
 */
public record ToolContext(PrintStream out, PrintStream err, ClientConfiguration config, long realUid, Path home,
                          Clock clock, EcdhKeyPairs keyPairs) {
    /** A context whose key pairs are computed when a connection asks for one. */
    public ToolContext(PrintStream out, PrintStream err, ClientConfiguration config, long realUid, Path home,
                       Clock clock, SecureRandom random) {
        this(out, err, config, realUid, home, clock, EcdhKeyPairs.onDemand(random));
    }

    /** The tool's random source (waits for it if it is still being set up on a second thread). */
    public SecureRandom random() {
        return keyPairs.random();
    }

    /**
     * The running process: System streams, its HTCondor configuration (subsystem TOOL), real uid, $HOME. A tool that
     * connects has its random source and first key pair made on a second thread while the configuration is read;
     * the others make their random source when they start and never a key pair.
     */
    private static ToolContext ofProcess(boolean connects) throws ConfigException {
        EcdhKeyPairs keyPairs = connects ? EcdhKeyPairs.firstAhead() : EcdhKeyPairs.onDemand(new SecureRandom());
        CondorConfig config = CondorConfig.fromProcess("TOOL");
        return new ToolContext(System.out, System.err, new CondorConfigConfiguration(config),
                ProcessIdentity.realUid(), Path.of(System.getProperty("user.home")), Clock.systemUTC(), keyPairs);
    }

    /** Runs a tool that makes no connection in this process and exits with its status. */
    static void exit(String tool, ToolMain main, String[] args) {
        exit(tool, main, args, false);
    }

    /** Runs a tool that connects to daemons in this process and exits with its status. */
    static void exitConnecting(String tool, ToolMain main, String[] args) {
        exit(tool, main, args, true);
    }

    /** A broken configuration is reported before the tool runs. */
    private static void exit(String tool, ToolMain main, String[] args, boolean connects) {
        ToolContext context;
        try {
            context = ofProcess(connects);
        } catch (ConfigException e) {
            System.err.print(tool + ": cannot read the HTCondor configuration: " + e.getMessage() + "\n");
            System.exit(1);
            return;
        }
        System.exit(main.run(args, context));
    }

    /** A tool's entry point with its context. */
    @FunctionalInterface
    interface ToolMain {
        int run(String[] args, ToolContext context);
    }

    /** The process as the client library sees it: this context's uid and home, the JVM's user name and pid. */
    public ClientProcess process() {
        return new ClientProcess(realUid, System.getProperty("user.name"), home, ProcessHandle.current().pid());
    }

    /** HTCondor lets root switch uids, which decides where tokens are looked for (30 §4.2). */
    public boolean isRoot() {
        return realUid == 0;
    }
}
