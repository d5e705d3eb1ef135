package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jcedar.testing.Capture;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden tests of the packet layer on every capture of real HTCondor 23.9.6 and 25.14.1. */
class CaptureFramingTest {

    static Stream<Capture> captures() {
        return Captures.all().stream();
    }

    static Stream<Capture> plaintextCaptures() {
        return captures().filter(capture -> !capture.encrypted());
    }

    static Stream<Capture> encryptedCaptures() {
        return captures().filter(Capture::encrypted);
    }

    @Test
    void everyScenarioOfBothVersionsIsThere() {
        assertEquals(18, Captures.all().size());
        assertEquals(2, encryptedCaptures().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyStreamSplitsIntoTheMessagesAndFramesOfTheTranscript(Capture capture) throws CedarException {
        for (CapturedConnection connection : capture.connections()) {
            JsonNode messages = transcriptOf(capture, connection).get("messages");
            assertSplit(connection.clientMessages(), messages, "C->S");
            assertSplit(connection.serverMessages(), messages, "S->C");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plaintextCaptures")
    void reEncodingEveryPlaintextMessageGivesTheCapturedBytes(Capture capture) throws CedarException {
        for (CapturedConnection connection : capture.connections()) {
            assertArrayEquals(connection.clientToServer(), reEncode(connection.clientMessages()));
            assertArrayEquals(connection.serverToClient(), reEncode(connection.serverMessages()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedCaptures")
    void theEncryptedPacketsCarryIvCiphertextAndTag(Capture capture) throws CedarException {
        CapturedConnection connection = capture.connections().get(0);
        JsonNode messages = transcriptOf(capture, connection).get("messages");
        for (String direction : List.of("C->S", "S->C")) {
            byte[] stream = direction.equals("C->S") ? connection.clientToServer() : connection.serverToClient();
            List<JsonNode> encrypted = new ArrayList<>();
            for (JsonNode message : messages) {
                if (message.get("direction").asText().equals(direction)
                        && message.get("title").asText().startsWith("AES-GCM")) {
                    encrypted.add(message);
                }
            }
            assertTrue(!encrypted.isEmpty(), direction);
            for (int i = 0; i < encrypted.size(); i++) {
                JsonNode frame = encrypted.get(i).get("frames").get(0);
                int bodyOffset = frame.get("body_offset").asInt();
                int bodyLength = frame.get("len").asInt();
                int overhead = AesGcmPacketCipher.TAG_LENGTH + (i == 0 ? AesGcmPacketCipher.IV_LENGTH : 0);
                assertTrue(bodyLength >= overhead, "body " + bodyLength + " holds IV and tag");
                JsonNode tag = encrypted.get(i).get("items").get(i == 0 ? 2 : 1);
                assertEquals(bodyOffset + bodyLength - AesGcmPacketCipher.TAG_LENGTH, tag.get("offset").asInt());
                if (i == 0) {
                    JsonNode iv = encrypted.get(i).get("items").get(0);
                    assertEquals(bodyOffset, iv.get("offset").asInt());
                    assertEquals(iv.get("value").asText(),
                            HexFormat.of().formatHex(stream, bodyOffset, bodyOffset + AesGcmPacketCipher.IV_LENGTH));
                }
            }
        }
        // The client's request is an empty ClassAd: int 0 and two empty strings, length-prefixed once encrypted.
        byte[] emptyAd = new MessageWriter(true).putInt(0).putString("").putString("").toByteArray();
        List<byte[]> clientMessages = connection.clientMessages();
        byte[] request = clientMessages.get(clientMessages.size() - 1);
        assertEquals(AesGcmPacketCipher.IV_LENGTH + emptyAd.length + AesGcmPacketCipher.TAG_LENGTH, request.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedCaptures")
    void withoutTheSessionKeyTheFirstEncryptedPacketFailsAtItsOffset(Capture capture) throws CedarException {
        CapturedConnection connection = capture.connections().get(0);
        JsonNode messages = transcriptOf(capture, connection).get("messages");
        int plaintextMessages = 0;
        long firstEncryptedOffset = -1;
        for (JsonNode message : messages) {
            if (message.get("direction").asText().equals("S->C")) {
                if (message.get("title").asText().startsWith("AES-GCM")) {
                    firstEncryptedOffset = message.get("frames").get(0).get("offset").asLong();
                    break;
                }
                plaintextMessages++;
            }
        }
        CedarConnection client = new CedarConnection();
        byte[] stream = connection.serverToClient();
        client.receive(stream, 0, stream.length);
        for (int i = 0; i < plaintextMessages; i++) {
            client.nextMessage();
        }
        client.enableAesGcm(new byte[AesGcmPacketCipher.KEY_LENGTH]);
        CedarException e = assertThrows(CedarException.class, client::nextMessage);
        assertEquals(firstEncryptedOffset, e.offset(), e.getMessage());
    }

    /** A real 23.9.6 collector answering condor_status -any -long (extra-htcondor-23/README.md). */
    @Test
    void aMultiPacketMessageOfARealCollectorReEncodesIdentically() throws Exception {
        byte[] stream;
        try (var in = getClass().getResourceAsStream("/vectors/extra-htcondor-23/status-any-long/server-to-client.bin")) {
            stream = in.readAllBytes();
        }
        List<byte[]> messages = CapturedConnection.messages(stream);
        byte[] answer = messages.get(messages.size() - 1);
        assertEquals(4091 + 4091 + 2331, answer.length);
        assertArrayEquals(stream, reEncode(messages));
    }

    private static void assertSplit(List<byte[]> actual, JsonNode messages, String direction) {
        List<JsonNode> expected = new ArrayList<>();
        messages.forEach(message -> {
            if (message.get("direction").asText().equals(direction)) {
                expected.add(message);
            }
        });
        assertEquals(expected.size(), actual.size(), direction + " message count");
        for (int i = 0; i < actual.size(); i++) {
            int length = 0;
            for (JsonNode frame : expected.get(i).get("frames")) {
                length += frame.get("len").asInt();
            }
            assertEquals(length, actual.get(i).length, direction + " message " + (i + 1));
        }
    }

    private static byte[] reEncode(List<byte[]> messages) {
        CedarConnection sender = new CedarConnection();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(message -> out.writeBytes(sender.encodeMessage(message)));
        return out.toByteArray();
    }

    private static JsonNode transcriptOf(Capture capture, CapturedConnection connection) {
        for (JsonNode entry : capture.transcript()) {
            if (entry.get("connection").asInt() == connection.number()) {
                return entry;
            }
        }
        throw new AssertionError("no transcript of connection " + connection.number() + " in " + capture);
    }
}
