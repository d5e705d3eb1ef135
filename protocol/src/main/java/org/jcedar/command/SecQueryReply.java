package org.jcedar.command;

import java.util.Map;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.security.ServerSession;

/**
 * DC_SEC_QUERY's answer (20 §11.3): after an authorized post-auth ad the server sends one ad with
 * {@code AuthorizationSucceeded = true} and, as HTCondor 25 does, the session's {@code AuthToken*} attributes.
 */
public final class SecQueryReply {

    private SecQueryReply() {
    }

    public static byte[] encode(ServerSession session, boolean encrypted) {
        ClassAd.Builder ad = ClassAd.builder().set("AuthorizationSucceeded", true);
        for (Map.Entry<String, Object> e : session.attributes().entrySet()) {
            if (e.getKey().startsWith("AuthToken") && e.getValue() instanceof String value) {
                ad.set(e.getKey(), value);
            }
        }
        MessageWriter out = new MessageWriter(encrypted);
        ClassAdWire.write(out, ad.build());
        return out.toByteArray();
    }

    /** The client side: whether the server said the command would be authorized. */
    public static boolean decode(MessageReader message) throws CedarException {
        ClassAd ad = ClassAdWire.read(message);
        message.expectEnd();
        return ad.getBoolean("AuthorizationSucceeded").orElse(false);
    }
}
