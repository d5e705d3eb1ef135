package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jcedar.classad.CapturedClassAds;
import org.jcedar.testing.Capture;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message that carries a ClassAd in the plaintext captures (a..g2) of real HTCondor 23.9.6 and 25.14.1,
 * as the packet layer splits the streams: decoded item by item as transcript.json lays it out, the ads
 * with ClassAdWire, and encoded again to the same payload bytes.
 */
class ClassAdMessagesGoldenTest {

    static Stream<Capture> plaintextCaptures() {
        return Captures.all().stream().filter(capture -> !capture.encrypted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plaintextCaptures")
    void everyAdMessageReadsAndWritesBackToTheSameBytes(Capture capture) throws CedarException {
        int ads = 0;
        for (JsonNode connection : capture.transcript()) {
            CapturedConnection streams = capture.connections().get(connection.get("connection").asInt() - 1);
            List<byte[]> fromClient = streams.clientMessages();
            List<byte[]> fromServer = streams.serverMessages();
            for (JsonNode message : connection.get("messages")) {
                boolean client = message.get("direction").asText().equals("C->S");
                byte[] payload = (client ? fromClient : fromServer).get(message.get("message").asInt() - 1);
                ads += reEncode(message.get("items"), payload, capture + " " + message.get("title").asText());
            }
        }
        assertEquals(capture.scenario().startsWith("d-") ? 10 : capture.scenario().startsWith("e-") ? 4 : 5, ads,
                "ads in " + capture);
    }

    /** Decodes the payload as the transcript's items say and checks the re-encoding; returns the ad count. */
    private static int reEncode(JsonNode items, byte[] payload, String where) throws CedarException {
        MessageReader reader = new MessageReader(payload, false);
        MessageWriter writer = new MessageWriter(false);
        int ads = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int entries = CapturedClassAds.adEntriesAt(items, i);
            if (entries >= 0) {
                ClassAdWire.write(writer, ClassAdWire.read(reader));
                ads++;
                i += entries + 2;
            } else if (item.get("type").asText().equals("int")) {
                writer.putInt(reader.getLong());
            } else if (item.get("type").asText().equals("bytes")) {
                int length = HexFormat.of().parseHex(item.get("value").asText()).length;
                writer.putBytes(reader.getBytes(length));
            } else {
                String text = reader.getNullableString();
                if (text == null) {
                    writer.putNullString();
                } else {
                    writer.putString(text);
                }
            }
        }
        reader.expectEnd();
        if (ads > 0) {
            assertArrayEquals(payload, writer.toByteArray(), where);
        }
        return ads;
    }
}
