package org.jcedar.classad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every ClassAd in the copied HTCondor captures (vectors/classad/captures): found in transcript.json as an
 * int item N followed by N entry strings and the two MyType/TargetType strings, with the exact bytes the
 * ad occupies in the direction's .bin file.
 */
public final class CapturedClassAds {
    private static final String ROOT = "/vectors/classad/captures/";
    private static final List<String> VERSIONS = List.of("htcondor-23", "htcondor-25");
    private static final List<String> SCENARIOS = List.of("a-fetch-default", "b-fetch-authz-lifetime",
            "c-fetch-named-key", "d-fetch-name-pool", "e-ping-schedd-read", "f-fetch-idtokens",
            "g-fetch-key-not-allowed", "g2-fetch-key-missing", "h-fetch-default-encrypted");

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
        for (String version : VERSIONS) {
            for (String scenario : SCENARIOS) {
                String folder = ROOT + version + "/" + scenario + "/";
                JsonNode connections = json(folder + "transcript.json");
                for (JsonNode connection : connections) {
                    for (JsonNode message : connection.get("messages")) {
                        String direction = message.get("direction").asText().equals("C->S")
                                ? "client-to-server" : "server-to-client";
                        byte[] stream = bytes(folder + connection.get(direction).asText());
                        String where = version + "/" + scenario + " connection " + connection.get("connection")
                                + " " + message.get("direction").asText() + " message " + message.get("message");
                        adsIn(message.get("items"), stream, where, ads);
                    }
                }
            }
        }
        return ads;
    }

    private static void adsIn(JsonNode items, byte[] stream, String where, List<CapturedAd> ads) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode count = items.get(i);
            int n = count.get("type").asText().equals("int") ? count.get("value").asInt() : -1;
            int last = i + n + 2;
            if (n < 0 || last >= items.size() || !items.get(last).get("note").asText().contains("TargetType")) {
                continue;
            }
            List<String> entries = new ArrayList<>();
            for (int j = i + 1; j <= i + n; j++) {
                entries.add(items.get(j).get("value").asText());
            }
            // the TargetType string is empty: one NUL byte in plaintext
            int end = items.get(last).get("offset").asInt() + 1;
            byte[] bytes = Arrays.copyOfRange(stream, count.get("offset").asInt(), end);
            ads.add(new CapturedAd(where + " ad at " + count.get("offset").asInt(), entries, bytes));
            i = last;
        }
    }

    private static JsonNode json(String resource) {
        try {
            return new ObjectMapper().readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = CapturedClassAds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
