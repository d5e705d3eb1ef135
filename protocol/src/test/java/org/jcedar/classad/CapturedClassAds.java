package org.jcedar.classad;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jcedar.testing.Capture;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;

/**
 * Every ClassAd in the HTCondor captures ({@link Captures}): found in transcript.json as an int item N followed
 * by N entry strings and the two MyType/TargetType strings, with the exact bytes the ad occupies in the
 * direction's stream.
 */
public final class CapturedClassAds {

    /** One captured ad: where it was, its entry strings in wire order, and its plaintext wire bytes. */
    public record CapturedAd(String source, List<String> entries, byte[] bytes) {
        @Override
        public String toString() {
            return source;
        }
    }

    private CapturedClassAds() {
    }

    public static List<CapturedAd> all() {
        List<CapturedAd> ads = new ArrayList<>();
        for (Capture capture : Captures.all()) {
            for (JsonNode connection : capture.transcript()) {
                CapturedConnection streams = capture.connections().get(connection.get("connection").asInt() - 1);
                for (JsonNode message : connection.get("messages")) {
                    boolean fromClient = message.get("direction").asText().equals("C->S");
                    byte[] stream = fromClient ? streams.clientToServer() : streams.serverToClient();
                    String where = capture + " connection " + streams.number() + " "
                            + message.get("direction").asText() + " message " + message.get("message");
                    JsonNode items = message.get("items");
                    for (int i = 0; i < items.size(); i++) {
                        int entries = adEntriesAt(items, i);
                        if (entries >= 0) {
                            ads.add(ad(items, i, entries, stream, where));
                            i += entries + 2;
                        }
                    }
                }
            }
        }
        return ads;
    }

    /**
     * The number of entries when a ClassAd starts at item {@code i} of a transcript message (an int N followed
     * by N strings and the TargetType string), else -1.
     */
    public static int adEntriesAt(JsonNode items, int i) {
        JsonNode count = items.get(i);
        if (!count.get("type").asText().equals("int")) {
            return -1;
        }
        int n = count.get("value").asInt();
        int last = i + n + 2;
        boolean ad = n >= 0 && last < items.size() && items.get(last).get("note").asText().contains("TargetType");
        return ad ? n : -1;
    }

    private static CapturedAd ad(JsonNode items, int start, int entries, byte[] stream, String where) {
        List<String> lines = new ArrayList<>();
        for (int j = start + 1; j <= start + entries; j++) {
            lines.add(items.get(j).get("value").asText());
        }
        int from = items.get(start).get("offset").asInt();
        // the TargetType string is empty: one NUL byte in plaintext
        int to = items.get(start + entries + 2).get("offset").asInt() + 1;
        return new CapturedAd(where + " ad at " + from, lines, Arrays.copyOfRange(stream, from, to));
    }
}
