package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jcedar.testing.RecordedSession;
import org.jcedar.testing.RecordedSession.Packet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays AES-GCM sessions recorded against a real HTCondor 23.9.6 collector (keys known) through two
 * CedarConnections, one per side: each side re-encodes what it sent (plaintext, then re-encrypted with the
 * recorded base IV) to the identical bytes, and the other side parses and decrypts them.
 */
class AesGcmSessionTest {

    @ParameterizedTest
    @ValueSource(strings = {RecordedSession.APPENDIX_A, RecordedSession.SECTION_18_2})
    void bothSidesReproduceTheRecordedBytesAndDecryptEachOther(String file) throws CedarException {
        RecordedSession session = RecordedSession.load(file);
        CedarConnection client = new CedarConnection();
        CedarConnection server = new CedarConnection();
        for (Packet packet : session.packets()) {
            if (packet.encrypted() && !client.encrypted()) {
                // Both sides switch at the same message boundary; their base IVs lead their first AES packets.
                client.enableAesGcm(session.key(), firstEncrypted(session, true).leadingIv());
                server.enableAesGcm(session.key(), firstEncrypted(session, false).leadingIv());
            }
            CedarConnection sender = packet.fromClient() ? client : server;
            CedarConnection receiver = packet.fromClient() ? server : client;

            assertArrayEquals(packet.wire(), sender.encodeMessage(packet.plaintext()));
            receiver.receive(packet.wire(), 0, packet.wire().length);
            assertArrayEquals(packet.plaintext(), receiver.nextMessage());
            assertTrue(receiver.atMessageBoundary());
        }
        assertArrayEquals(session.clientSentDigest(), client.handshakeDigests().sentDigest());
        assertArrayEquals(session.serverSentDigest(), client.handshakeDigests().receivedDigest());
        assertArrayEquals(session.serverSentDigest(), server.handshakeDigests().sentDigest());
        assertArrayEquals(session.clientSentDigest(), server.handshakeDigests().receivedDigest());
    }

    @ParameterizedTest
    @ValueSource(strings = {RecordedSession.APPENDIX_A, RecordedSession.SECTION_18_2})
    void aClientThatSawADifferentHandshakeRejectsTheFirstEncryptedPacket(String file) {
        RecordedSession session = RecordedSession.load(file);
        CedarConnection client = new CedarConnection();
        long offset = 0;
        for (Packet packet : session.packets()) {
            if (packet.fromClient()) {
                continue;
            }
            byte[] wire = packet.wire();
            if (!packet.encrypted()) {
                // Flip one bit of a plaintext handshake byte: only the first-packet AAD can notice.
                wire = wire.clone();
                wire[wire.length - 1] ^= 1;
            } else if (!client.encrypted()) {
                client.enableAesGcm(session.key());
                client.receive(wire, 0, wire.length);
                long expected = offset;
                CedarException e = assertThrows(CedarException.class, client::nextMessage);
                assertEquals(expected, e.offset(), e.getMessage());
                assertThrows(CedarException.class, client::nextMessage, "the stream stays failed");
                return;
            }
            client.receive(wire, 0, wire.length);
            offset += wire.length;
            assertEquals(packet.plaintext().length, assertMessage(client).length);
        }
        throw new AssertionError("no encrypted packet from the server");
    }

    @ParameterizedTest
    @ValueSource(strings = {RecordedSession.APPENDIX_A, RecordedSession.SECTION_18_2})
    void theServersPacketsSplitAnywhereStillDecrypt(String file) throws CedarException {
        RecordedSession session = RecordedSession.load(file);
        CedarConnection client = new CedarConnection();
        for (Packet packet : session.packets()) {
            if (packet.fromClient()) {
                client.encodeMessage(packet.plaintext());
                continue;
            }
            if (packet.encrypted() && !client.encrypted()) {
                client.enableAesGcm(session.key(), firstEncrypted(session, true).leadingIv());
            }
            byte[] wire = packet.wire();
            for (int i = 0; i < wire.length - 1; i++) {
                client.receive(wire, i, 1);
                assertNull(client.nextMessage(), "complete before its last byte");
            }
            client.receive(wire, wire.length - 1, 1);
            assertArrayEquals(packet.plaintext(), client.nextMessage());
        }
    }

    private static byte[] assertMessage(CedarConnection connection) {
        try {
            byte[] message = connection.nextMessage();
            assertTrue(message != null, "a whole packet was buffered");
            return message;
        } catch (CedarException e) {
            throw new AssertionError(e);
        }
    }

    private static Packet firstEncrypted(RecordedSession session, boolean fromClient) {
        return session.packets().stream().filter(p -> p.encrypted() && p.fromClient() == fromClient).findFirst()
                .orElseThrow();
    }
}
