package org.jcedar.daemon;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.command.SessionTokenIssuer;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.security.ServerSession;

/** DC_GET_SESSION_TOKEN (condor_token_fetch): read the request ad, answer with a token or an error, close. */
final class SessionTokenHandler implements CommandHandler {
    private final SessionTokenIssuer issuer;

    SessionTokenHandler(SessionTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Reply start(ServerSession.Command command, MessageReader rawPayload) throws CedarException {
        return rawPayload == null ? Reply.wait(List.of()) : receive(command, rawPayload);
    }

    @Override
    public Reply receive(ServerSession.Command command, MessageReader message) throws CedarException {
        SessionTokenRequest request = SessionTokenRequest.fromAd(ClassAdWire.read(message));
        message.expectEnd();
        SessionTokenReply reply = issuer.issue(command.session(), request);
        MessageWriter out = new MessageWriter(command.encrypted());
        ClassAdWire.write(out, reply.toAd());
        return Reply.finish(List.of(out.toByteArray()), reply.succeeded() ? "token issued"
                : "refused: " + reply.errorCode() + " " + reply.errorString());
    }
}
