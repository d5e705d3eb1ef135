package org.jcedar.daemon;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jcedar.address.IpEndpoint;
import org.jcedar.address.SinfulAddress;
import org.jcedar.security.Endpoint;

/**
 * A running mock schedd + collector: one port, both roles. Configure and start one in this JVM with
 * {@link #builder()}, or from an HTCondor configuration with {@link #start}; stop it with {@link #close}.
 * Connections are accepted on one netty event loop and served on a group of event loops as large as the machine's
 * cores, each connection wholly on one of them.
 *
 * <p>Once it listens, the daemon writes its address where the configuration asks for it, as the real daemons do
 * (SCHEDD_ADDRESS_FILE and COLLECTOR_ADDRESS_FILE, and its schedd ad to SCHEDD_DAEMON_AD_FILE), so that tools
 * find it as the local schedd; it removes them when it stops.
 */
public final class MockDaemon implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final Channel server;
    private final DaemonContext context;
    private final Endpoint endpoint;
    private final List<Path> filesWritten = new ArrayList<>();
    private final Optional<Path> workDirectory;

    private MockDaemon(EventLoopGroup boss, EventLoopGroup io, Channel server, DaemonContext context,
                       Optional<Path> workDirectory) {
        this.boss = boss;
        this.io = io;
        this.server = server;
        this.context = context;
        this.endpoint = Endpoint.of((InetSocketAddress) server.localAddress());
        this.workDirectory = workDirectory;
    }

    /** Configures a daemon to run in this JVM. */
    public static MockDaemonBuilder builder() {
        return new MockDaemonBuilder();
    }

    /**
     * Starts a daemon configured by an HTCondor configuration (what {@code condor_mock_daemon} runs).
     *
     * @param port 0 for any free port
     */
    public static MockDaemon start(DaemonConfiguration config, InetAddress bindAddress, int port, PrintStream log,
                                   Clock clock) throws IOException {
        return start(config, bindAddress, port, log, clock, Optional.empty());
    }

    /** @param workDirectory a directory of the daemon's own, deleted when it stops */
    static MockDaemon start(DaemonConfiguration config, InetAddress bindAddress, int port, PrintStream log,
                            Clock clock, Optional<Path> workDirectory) throws IOException {
        DaemonContext context = new DaemonContext(config, new DaemonLog(log), clock);
        int cores = Runtime.getRuntime().availableProcessors();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(cores, NioIoHandler.newFactory());
        int idleSeconds = config.idleTimeoutSeconds();
        try {
            Channel channel = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(ConnectionHandler.IDLE_TIMER,
                                    new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS));
                            ch.pipeline().addLast(new ConnectionHandler(context));
                        }
                    })
                    .bind(new InetSocketAddress(bindAddress, port)).sync().channel();
            MockDaemon daemon = new MockDaemon(boss, io, channel, context, workDirectory);
            OwnAds own = context.publishOwnAds(daemon.sinfulAddress());
            try {
                daemon.writeLocationFiles(own);
            } catch (IOException e) {
                daemon.close();
                throw e;
            }
            context.log().info("jcedar mock daemon (schedd + collector) listening on " + daemon.sinfulAddress());
            return daemon;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(boss, io);
            throw new IOException("interrupted while binding", e);
        } catch (RuntimeException e) {
            shutdown(boss, io);
            throw new IOException("cannot listen on " + bindAddress.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.port();
    }

    /** The daemon's address as HTCondor writes it, e.g. {@code <127.0.0.1:9618?addrs=127.0.0.1-9618>}. */
    public String sinfulAddress() {
        InetSocketAddress local = (InetSocketAddress) server.localAddress();
        return SinfulAddress.of(endpoint.ip(), endpoint.port())
                .withAddrs(List.of(new IpEndpoint(local.getAddress(), endpoint.port()))).toString();
    }

    /** The configuration the daemon runs with. */
    public DaemonConfiguration configuration() {
        return context.config();
    }

    /** TRUST_DOMAIN: the issuer of the tokens the daemon makes. */
    public String trustDomain() {
        return context.config().trustDomain();
    }

    /** The Name of the daemon's schedd ad, what {@code condor_token_fetch -name} asks for. */
    public String scheddName() {
        return context.config().scheddName();
    }

    /**
     * Writes an HTCondor configuration file for clients of this daemon: its trust domain, the collector at its
     * address, and its address file as the local schedd's (so that tools find it with no -pool and no -name).
     */
    public void writeClientConfiguration(Path file) throws IOException {
        Path addressFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".schedd_address");
        AddressFile.write(addressFile, sinfulAddress());
        String config = "# client configuration for the jcedar mock daemon at " + sinfulAddress() + "\n"
                + "TRUST_DOMAIN = " + trustDomain() + "\n"
                + "UID_DOMAIN = " + context.config().uidDomain() + "\n"
                + "COLLECTOR_HOST = " + endpoint.hostPort() + "\n"
                + "SCHEDD_ADDRESS_FILE = " + addressFile + "\n"
                + "SCHEDD_DAEMON_AD_FILE = " + addressFile + ".no-daemon-ad\n";
        Files.writeString(file, config, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        shutdown(boss, io);
        for (Path file : filesWritten) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                context.log().info("cannot remove " + file + ": " + e.getMessage());
            }
        }
        workDirectory.ifPresent(MockDaemon::deleteTree);
        context.log().info("jcedar mock daemon on " + endpoint.hostPort() + " stopped");
    }

    /**
     * Where the configuration asks for them: the address files of the schedd and the collector, and the schedd's
     * daemon ad file (which HTCondor 23 tools read before the address file). Built-in defaults do not count: they
     * point into a real installation, whose files the mock must not overwrite.
     */
    private void writeLocationFiles(OwnAds own) throws IOException {
        DaemonConfiguration config = context.config();
        for (String knob : List.of("SCHEDD_ADDRESS_FILE", "COLLECTOR_ADDRESS_FILE")) {
            Optional<Path> file = config.configuredPath(knob);
            if (file.isPresent()) {
                AddressFile.write(file.get(), sinfulAddress());
                filesWritten.add(file.get());
            }
        }
        Optional<Path> adFile = config.configuredPath("SCHEDD_DAEMON_AD_FILE");
        if (adFile.isPresent()) {
            AddressFile.writeAd(adFile.get(), own.schedd());
            filesWritten.add(adFile.get());
        }
    }

    /** Deletes a directory tree the daemon made; what cannot be deleted stays (it is in a temporary directory). */
    static void deleteTree(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory: the system cleans it eventually
        }
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup io) {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
