package org.jcedar.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.TokenRequests;
import org.jcedar.security.ServerSession;

/**
 * The five token-request commands (30 §5): read the request ad, let {@link TokenRequests} decide, send its reply
 * ad (DC_LIST_TOKEN_REQUEST: one message per ad), close.
 */
final class TokenRequestHandler implements CommandHandler {
    private final TokenRequests requests;
    private final TokenRequests.Caller caller;

    TokenRequestHandler(TokenRequests requests, TokenRequests.Caller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    @Override
    public Reply receive(ServerSession.Command command, MessageReader message) throws CedarException {
        ClassAd request = ClassAdWire.read(message);
        message.expectEnd();
        Optional<ClassAd> disabled = requests.disabledReply();
        if (disabled.isPresent()) {
            return Reply.finish(List.of(encode(disabled.get(), command)), "refused: token requests are disabled");
        }
        List<ClassAd> replies;
        switch (command.registration().number()) {
            case CommandNumbers.DC_START_TOKEN_REQUEST -> replies = List.of(requests.start(request, caller));
            case CommandNumbers.DC_FINISH_TOKEN_REQUEST -> replies = List.of(requests.finish(request));
            case CommandNumbers.DC_LIST_TOKEN_REQUEST -> replies = requests.list(request, caller);
            case CommandNumbers.DC_APPROVE_TOKEN_REQUEST -> replies = List.of(requests.approve(request, caller));
            default -> replies = List.of(requests.autoApprove(request));
        }
        List<byte[]> send = new ArrayList<>();
        for (ClassAd reply : replies) {
            send.add(encode(reply, command));
        }
        return Reply.finish(send, describe(command.registration().number(), replies.get(replies.size() - 1),
                replies.size()));
    }

    private static byte[] encode(ClassAd ad, ServerSession.Command command) {
        MessageWriter out = new MessageWriter(command.encrypted());
        ClassAdWire.write(out, ad);
        return out.toByteArray();
    }

    /** The log's result: the error, else what was handed out (never the token itself). */
    private static String describe(int command, ClassAd last, int count) {
        Optional<String> error = last.getString("ErrorString");
        if (error.isPresent()) {
            return "refused: " + last.getInteger("ErrorCode").orElse(0L) + " " + error.get();
        }
        if (command == CommandNumbers.DC_APPROVE_TOKEN_REQUEST) {
            return "approved";
        }
        if (command == CommandNumbers.DC_AUTO_APPROVE_TOKEN_REQUEST) {
            return "auto-approval rule installed";
        }
        if (last.getString("Token").map(t -> !t.isEmpty()).orElse(false)) {
            return "token issued" + last.getString("RequestId").map(id -> " for request " + id).orElse("");
        }
        if (last.contains("Owner")) {
            return (count - 1) + " pending request" + (count == 2 ? "" : "s") + " listed";
        }
        return last.getString("RequestId").map(id -> "request " + id + " pending")
                .or(() -> last.getString("Token").map(t -> "still pending"))
                .orElse("refused: too many requests (an empty answer, as HTCondor gives)");
    }
}
