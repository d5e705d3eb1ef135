package org.jcedar.daemon;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.Endpoint;
import org.jcedar.security.HandshakeAction;
import org.jcedar.security.ServerHandshake;
import org.jcedar.security.ServerSession;

/**
 * The netty driver of one connection: bytes go into the sans-I/O {@link CedarConnection}, whole messages into the
 * {@link ServerHandshake} and then into the command's handler; whatever they return goes out. The event loop only
 * hands the bytes over: all protocol work runs, in order, on one worker thread picked for this connection, so FS
 * checks and key-file reads may block without stalling other connections. All state lives in this object and
 * dies with the channel.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final DaemonContext daemon;
    private final EventExecutor worker;
    private final CedarConnection connection;
    private ServerHandshake handshake;
    private ServerSession.Command command;
    private CommandHandler handler;
    private String peerText;
    private boolean closing;

    ConnectionHandler(DaemonContext daemon, EventExecutor worker) {
        this.daemon = daemon;
        this.worker = worker;
        this.connection = new CedarConnection(daemon.maxMessageSize());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        worker.execute(() -> {
            peerText = Endpoint.of(remote).hostPort();
            handshake = new ServerHandshake(daemon.handshakeSettings(Endpoint.of(local)), remote.getAddress(),
                    daemon.random());
        });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        ReferenceCountUtil.release(msg);
        worker.execute(() -> onBytes(ctx, bytes));
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
    }

    private void dispatch(ChannelHandlerContext ctx, byte[] message) throws CedarException {
        if (command == null) {
            for (HandshakeAction action : handshake.receive(message)) {
                apply(ctx, action);
            }
            if (!closing && handshake.command().isPresent()) {
                command = handshake.command().get();
                handler = daemon.handlerFor(command);
                reply(ctx, handler.start(command, handshake.rawPayload().orElse(null)));
            }
            ctx.flush();
            return;
        }
        reply(ctx, handler.receive(command, new MessageReader(message, connection.encrypted())));
        ctx.flush();
    }

    private void reply(ChannelHandlerContext ctx, CommandHandler.Reply reply) {
        send(ctx, reply.send());
        if (reply.close()) {
            daemon.log().command(peerText, command.session().identity().fullyQualifiedUser(),
                    command.session().method().map(m -> m.reportedName()).orElse("none"),
                    command.registration().name(), reply.result());
            close(ctx);
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
            worker.execute(() -> fail(ctx, "timed out waiting for the client"));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        worker.execute(() -> {
            if (!closing && !connection.atMessageBoundary()) {
                daemon.log().info("Connection from " + peerText + " closed in the middle of a message");
            }
            closing = true;
        });
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        worker.execute(() -> fail(ctx, cause.toString()));
    }
}
