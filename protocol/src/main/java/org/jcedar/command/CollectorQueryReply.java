package org.jcedar.command;

import java.util.ArrayList;
import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;

/**
 * The collector's answer to a query (10 §6.4), one message: for each ad the int 1 and the ad (projected), then
 * the int 0. No count comes first.
 */
public final class CollectorQueryReply {
    private CollectorQueryReply() {
    }

    public static byte[] encode(List<CollectorAds.Match> matches, boolean encrypted) {
        MessageWriter out = new MessageWriter(encrypted);
        for (CollectorAds.Match match : matches) {
            out.putInt(1);
            if (match.projection().isPresent()) {
                ClassAdWire.write(out, match.ad(), match.projection().get());
            } else {
                ClassAdWire.write(out, match.ad());
            }
        }
        out.putInt(0);
        return out.toByteArray();
    }

    /** The client side: the ads of one answer (any non-zero int announces an ad, as HTCondor reads it). */
    public static List<ClassAd> decode(MessageReader message) throws CedarException {
        List<ClassAd> ads = new ArrayList<>();
        while (message.getInt() != 0) {
            ads.add(ClassAdWire.read(message));
        }
        message.expectEnd();
        return ads;
    }
}
