package org.jcedar.command;

import java.util.ArrayList;
import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;

/**
 * The collector's answer to a query (10 §6.4), one message: for each matching ad int 1 and the ad, then int 0.
 * No count comes first, so the reader stops at the 0, and every ad it reads consumes message bytes: a message
 * cannot make it loop or allocate beyond its own size.
 */
public final class CollectorQueryReply {

    private CollectorQueryReply() {
    }

    /** The collector's side: the ads a query matched, each with its projection (CollectorAds#query). */
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

    public static void write(MessageWriter writer, List<ClassAd> ads) {
        for (ClassAd ad : ads) {
            writer.putInt(1);
            ClassAdWire.write(writer, ad);
        }
        writer.putInt(0);
    }

    /** The ads of one reply message; fails on anything but "more" flags 0 or 1, or bytes after the final 0. */
    public static List<ClassAd> read(MessageReader reader) throws CedarException {
        List<ClassAd> ads = new ArrayList<>();
        while (true) {
            int offset = reader.position();
            long more = reader.getLong();
            if (more == 0) {
                reader.expectEnd();
                return ads;
            }
            if (more != 1) {
                throw new CedarException("expected 1 (an ad follows) or 0 (end of results), found " + more, offset);
            }
            ads.add(ClassAdWire.read(reader));
        }
    }
}
