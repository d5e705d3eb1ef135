package org.jcedar.daemon;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.command.CommandRefusal;
import org.jcedar.command.KeptConnection;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.Endpoint;
import org.jcedar.security.HandshakeAction;
import org.jcedar.security.ServerHandshake;
import org.jcedar.security.ServerSession;

/**
 * The netty driver of one connection: bytes go into the sans-I/O {@link CedarConnection}, whole messages into the
 * {@link ServerHandshake}, then into the command's handler, and, on a connection kept after an update, into
 * {@link KeptConnection} for the next raw command; whatever they return goes out, in one flush per read. All of it
 * runs on the connection's event loop, as HTCondor's daemons do their work on their one thread: the protocol work
 * never waits on the network, and its file-system steps (the FS check, reading a key file) are local calls of
 * microseconds. Handing each read to a worker thread, and each write back, cost a sixth of the CPU per token fetch
 * (docs/performance.md). All state lives in this object and dies with the channel.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    /** The pipeline name of the idle timer, which a kept connection replaces with a longer one. */
    static final String IDLE_TIMER = "idle";

    private final DaemonContext daemon;
    private final CedarConnection connection;
    private ServerHandshake handshake;
    private InetAddress peer;
    private String peerText;
    private ServerSession.Command command;
    private CommandHandler handler;
    private KeptConnection kept;
    private boolean closing;

    ConnectionHandler(DaemonContext daemon) {
        this.daemon = daemon;
        this.connection = new CedarConnection(daemon.maxMessageSize());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        peer = remote.getAddress();
        peerText = Endpoint.of(remote).hostPort();
        handshake = new ServerHandshake(daemon.handshakeSettings(Endpoint.of(local)), peer, daemon.random());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        ReferenceCountUtil.release(msg);
        onBytes(ctx, bytes);
    }

    private void onBytes(ChannelHandlerContext ctx, byte[] bytes) {
        if (closing) {
            return;
        }
        try {
            connection.receive(bytes, 0, bytes.length);
            byte[] message;
            while (!closing && (message = connection.nextMessage()) != null) {
                dispatch(ctx, message);
            }
        } catch (CedarException e) {
            fail(ctx, "malformed data: " + e.getMessage());
        } catch (RuntimeException e) {
            fail(ctx, "internal error: " + e);
        }
        ctx.flush();
    }

    private void dispatch(ChannelHandlerContext ctx, byte[] message) throws CedarException {
        if (handler != null) {
            reply(ctx, handler.receive(command, new MessageReader(message, connection.encrypted())));
        } else if (kept != null) {
            KeptConnection.Next next;
            try {
                next = kept.next(message, connection.encrypted());
            } catch (CommandRefusal e) {
                fail(ctx, e.getMessage());
                return;
            }
            begin(ctx, next.command(), next.payload());
        } else {
            for (HandshakeAction action : handshake.receive(message)) {
                apply(ctx, action);
            }
            if (!closing && handshake.command().isPresent()) {
                begin(ctx, handshake.command().get(), handshake.rawPayload().orElse(null));
            }
        }
    }

    private void begin(ChannelHandlerContext ctx, ServerSession.Command next, MessageReader rawPayload)
            throws CedarException {
        command = next;
        handler = daemon.handlerFor(command, peer);
        reply(ctx, handler.start(command, rawPayload));
    }

    private void reply(ChannelHandlerContext ctx, CommandHandler.Reply reply) {
        send(ctx, reply.send());
        if (reply.next() == CommandHandler.Next.WAIT) {
            return;
        }
        ServerSession session = command.session();
        daemon.log().command(peerText, session.identity().fullyQualifiedUser(),
                session.method().map(AuthMethod::reportedName).orElse("none"), command.registration().name(),
                reply.result());
        handler = null;
        if (reply.next() == CommandHandler.Next.CLOSE) {
            close(ctx);
        } else if (kept == null) {
            if (!daemon.admitKeptConnection(ctx.channel())) {
                fail(ctx, "too many kept connections; the peer will connect again for its next update");
                return;
            }
            kept = new KeptConnection(daemon.commands(), daemon.authorization(), session, peer);
            int idle = daemon.config().keptConnectionIdleSeconds();
            ctx.pipeline().replace(IDLE_TIMER, IDLE_TIMER, new IdleStateHandler(idle, 0, 0, TimeUnit.SECONDS));
        }
    }

    private void apply(ChannelHandlerContext ctx, HandshakeAction action) {
        if (action instanceof HandshakeAction.Send send) {
            send(ctx, List.of(send.payload()));
        } else if (action instanceof HandshakeAction.EnableEncryption enable) {
            connection.enableAesGcm(enable.key());
        } else if (action instanceof HandshakeAction.Close close) {
            daemon.log().info("Refused connection from " + peerText + ": " + close.reason());
            close(ctx);
        }
    }

    private void send(ChannelHandlerContext ctx, List<byte[]> payloads) {
        for (byte[] payload : payloads) {
            ctx.write(Unpooled.wrappedBuffer(connection.encodeMessage(payload)));
        }
    }

    private void close(ChannelHandlerContext ctx) {
        if (closing) {
            return;
        }
        closing = true;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        daemon.log().info("Closing connection from " + peerText + ": " + why);
        close(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            fail(ctx, kept != null && handler == null ? "kept connection idle too long"
                    : "timed out waiting for the client");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closing && !connection.atMessageBoundary()) {
            daemon.log().info("Connection from " + peerText + " closed in the middle of a message");
        }
        closing = true;
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause.toString());
    }
}
