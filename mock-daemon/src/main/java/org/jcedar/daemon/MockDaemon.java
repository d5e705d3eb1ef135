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
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jcedar.address.IpEndpoint;
import org.jcedar.address.SinfulAddress;
import org.jcedar.security.Endpoint;

/**
 * A running mock schedd + collector: one port, both roles. Start one with {@link #start}, stop it with
 * {@link #close}. Connections are accepted on netty's event loop and processed on a worker group as large as the
 * machine's cores, so blocking steps (FS checks, key files) never stall the accept loop or other connections.
 */
public final class MockDaemon implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final EventExecutorGroup workers;
    private final Channel server;
    private final DaemonContext context;
    private final Endpoint endpoint;

    private MockDaemon(EventLoopGroup boss, EventLoopGroup io, EventExecutorGroup workers, Channel server,
                       DaemonContext context) {
        this.boss = boss;
        this.io = io;
        this.workers = workers;
        this.server = server;
        this.context = context;
        this.endpoint = Endpoint.of((InetSocketAddress) server.localAddress());
    }

    /**
     * Starts a daemon.
     *
     * @param port 0 for any free port
     */
    public static MockDaemon start(DaemonConfiguration config, InetAddress bindAddress, int port, PrintStream log,
                                   Clock clock) throws IOException {
        DaemonContext context = new DaemonContext(config, new DaemonLog(log), clock);
        int cores = Runtime.getRuntime().availableProcessors();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(cores, NioIoHandler.newFactory());
        EventExecutorGroup workers = new DefaultEventExecutorGroup(Math.max(2, cores));
        int idleSeconds = config.idleTimeoutSeconds();
        try {
            Channel channel = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS));
                            ch.pipeline().addLast(new ConnectionHandler(context, workers.next()));
                        }
                    })
                    .bind(new InetSocketAddress(bindAddress, port)).sync().channel();
            MockDaemon daemon = new MockDaemon(boss, io, workers, channel, context);
            context.log().info("jcedar mock daemon (schedd + collector) listening on " + daemon.sinfulAddress());
            return daemon;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(boss, io, workers);
            throw new IOException("interrupted while binding", e);
        } catch (RuntimeException e) {
            shutdown(boss, io, workers);
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

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        shutdown(boss, io, workers);
        context.log().info("jcedar mock daemon on " + endpoint.hostPort() + " stopped");
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup io, EventExecutorGroup workers) {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
