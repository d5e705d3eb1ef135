package org.jcedar.daemon;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.config.ConfigException;

/**
 * {@code condor_mock_daemon}: runs the mock schedd + collector in the foreground until SIGTERM or SIGINT.
 *
 * <pre>
 * condor_mock_daemon [-port N] [-address-file FILE] [-config FILE] [-log FILE]
 * </pre>
 */
public final class MockDaemonMain {
    private static final String USAGE = "Usage: condor_mock_daemon [-port N] [-address-file FILE] [-config FILE]"
            + " [-log FILE]\n"
            + "    -port N             port to listen on (0: any free port; default: COLLECTOR_PORT, else 9618)\n"
            + "    -address-file FILE  write the daemon's address to FILE once it listens\n"
            + "    -config FILE        HTCondor configuration to read (default: CONDOR_CONFIG)\n"
            + "    -log FILE           log to FILE (default: standard error)\n";

    private MockDaemonMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Integer port = null;
        Path addressFile = null;
        Path configFile = null;
        Path logFile = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-help") || option.equals("-h")) {
                System.out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) {
                System.err.print("condor_mock_daemon: " + option + " needs an argument (or is unknown)\n" + USAGE);
                return 1;
            }
            String value = args[++i];
            switch (option) {
                case "-port":
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) {
                        System.err.println("condor_mock_daemon: -port needs a number from 0 to 65535, not " + value);
                        return 1;
                    }
                    break;
                case "-address-file":
                    addressFile = Path.of(value);
                    break;
                case "-config":
                    configFile = Path.of(value);
                    break;
                case "-log":
                    logFile = Path.of(value);
                    break;
                default:
                    System.err.print("condor_mock_daemon: unknown option " + option + "\n" + USAGE);
                    return 1;
            }
        }
        PrintStream log = System.err;
        try {
            if (logFile != null) {
                log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, "UTF-8");
            }
            CondorConfig config = load(configFile);
            DaemonConfiguration daemonConfig = DaemonConfiguration.from(config);
            int listenPort = port != null ? port : (int) config.getLong("COLLECTOR_PORT", 9618);
            InetAddress bind = InetAddress.getByName(config.get("NETWORK_INTERFACE").filter(s -> !s.contains("*"))
                    .orElse("127.0.0.1"));
            MockDaemon daemon = MockDaemon.start(daemonConfig, bind, listenPort, log, Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                daemon.close();
                stopped.countDown();
            }, "condor_mock_daemon shutdown"));
            try {
                for (Path file : addressFiles(addressFile, config)) {
                    AddressFile.write(file, daemon.sinfulAddress());
                }
            } catch (IOException e) {
                System.err.println("condor_mock_daemon: cannot write the address file: " + e.getMessage());
                return 1; // the shutdown hook stops the daemon
            }
            System.out.println(daemon.sinfulAddress());
            System.out.flush();
            stopped.await();
            return 0;
        } catch (ConfigException e) {
            System.err.println("condor_mock_daemon: configuration error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("condor_mock_daemon: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static CondorConfig load(Path configFile) throws ConfigException {
        if (configFile == null) {
            return CondorConfig.fromProcess(DaemonConfiguration.SUBSYSTEM);
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("CONDOR_CONFIG", configFile.toAbsolutePath().toString());
        return CondorConfig.load(ConfigEnvironment.builderOfProcess(DaemonConfiguration.SUBSYSTEM)
                .environment(environment).build());
    }

    /**
     * -address-file, and the schedd and collector address files the configuration sets. Built-in defaults do not
     * count: they point into a real installation's spool, where the mock must not overwrite a real daemon's file.
     */
    private static List<Path> addressFiles(Path explicit, CondorConfig config) {
        List<Path> files = new ArrayList<>();
        Optional.ofNullable(explicit).ifPresent(files::add);
        for (String knob : List.of("SCHEDD_ADDRESS_FILE", "COLLECTOR_ADDRESS_FILE")) {
            boolean configured = config.whereDefined(knob).map(where -> !where.equals("<Default>")).orElse(false);
            if (configured) {
                config.get(knob).map(Path::of).ifPresent(files::add);
            }
        }
        return files;
    }
}
