package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.security.method.fs.FsClient;
import org.jcedar.security.method.fs.LocalFileSystem;
import org.jcedar.testing.RecordedSession;
import org.junit.jupiter.api.Test;

/**
 * Replays the session of 20 §18.2 (a client against a real HTCondor 23.9.6 collector: FS, ECDH, AES-GCM,
 * DC_GET_SESSION_TOKEN) through our ClientHandshake and CedarConnection, with the recorded client's ECDH key:
 * every message the state machine sends after M1 is the recorded one byte for byte, the key it derives is the
 * one the collector accepted, it decrypts the collector's post-auth ad and answer, and its encrypted request is
 * the recorded packet. M1 itself differs in attributes we choose differently (our version string, AES only); it is
 * compared by meaning, and the recorded bytes are what goes into the handshake digest.
 */
class ClientHandshakeReplayTest {

    private static byte[] payload(RecordedSession.Packet p) {
        return p.plaintext();
    }

    @Test
    void replaysTheRecordedFsSessionTokenSessionByteForByte() throws Exception {
        RecordedSession recorded = RecordedSession.load(RecordedSession.SECTION_18_2);
        Deque<RecordedSession.Packet> fromClient = new ArrayDeque<>();
        Deque<RecordedSession.Packet> fromServer = new ArrayDeque<>();
        for (RecordedSession.Packet p : recorded.packets()) {
            (p.fromClient() ? fromClient : fromServer).add(p);
        }
        EcdhKeyExchange ecdh = EcdhKeyExchange.fromPrivateScalar(HexFormat.of().parseHex(EcdhKeyExchangeTest.recordedClientKey()
                .get("client-private-scalar")));
        SecurityPolicy policy = new SecurityPolicy(Requirement.REQUIRED, Requirement.REQUIRED, Requirement.REQUIRED,
                Requirement.REQUIRED, Requirement.REQUIRED, List.of(AuthMethod.FS, AuthMethod.CLAIMTOBE),
                List.of(CryptoMethod.AES), 60, 3600);
        Endpoint collector = new Endpoint("127.0.0.1", 19618);
        // 23.9.6 hands out unbound FS names: like HTCondor's clients we accept them only when told to.
        ClientHandshake handshake = new ClientHandshake(new ClientHandshake.Settings(60046, OptionalInt.empty(),
                policy, "<127.0.0.1:19618>", Optional.empty(), Optional.empty(), "TOOL", 37922), ecdh,
                (method, offer) -> method == AuthMethod.FS
                        ? Optional.of(new FsClient(collector, Optional.empty(), false, new LocalFileSystem()))
                        : Optional.empty());
        CedarConnection connection = new CedarConnection();
        byte[] recordedClientIv = fromClient.stream().filter(RecordedSession.Packet::encrypted).findFirst()
                .orElseThrow().leadingIv();

        // M1, by meaning
        HandshakeAction.Send m1 = assertInstanceOf(HandshakeAction.Send.class, handshake.start().get(0));
        RecordedSession.Packet recordedM1 = fromClient.removeFirst();
        ClassAd ours = firstMessageAd(m1.payload());
        ClassAd theirs = firstMessageAd(payload(recordedM1));
        for (String name : List.of("Command", "NewSession", "Enact", "Authentication", "Encryption", "Integrity",
                "AuthMethods", "ECDHPublicKey", "SessionDuration", "SessionLease", "Subsystem", "ConnectSinful",
                "OutgoingNegotiation", "NegotiatedSession")) {
            assertEquals(theirs.lookup(name).map(Object::toString), ours.lookup(name).map(Object::toString), name);
        }
        assertArrayEquals(recordedM1.wire(), connection.encodeMessage(payload(recordedM1)));

        byte[] sessionKey = null;
        while (!handshake.finished()) {
            RecordedSession.Packet next = fromServer.removeFirst();
            connection.receive(next.wire(), 0, next.wire().length);
            byte[] message = connection.nextMessage();
            for (HandshakeAction action : handshake.receive(message)) {
                if (action instanceof HandshakeAction.Send send) {
                    RecordedSession.Packet expected = fromClient.removeFirst();
                    assertArrayEquals(expected.wire(), connection.encodeMessage(send.payload()));
                } else if (action instanceof HandshakeAction.EnableEncryption enable) {
                    sessionKey = enable.key();
                    connection.enableAesGcm(enable.key(), recordedClientIv);
                }
            }
        }
        assertArrayEquals(recorded.key(), sessionKey);
        ClientSession session = handshake.session();
        assertEquals("root@anchor.test", session.mappedUser());
        assertEquals(Optional.of(AuthMethod.FS), session.method());
        assertEquals(Optional.of(CryptoMethod.AES), session.cipher());
        assertTrue(session.serverVersion().contains("23.9.6"), session.serverVersion());

        MessageWriter request = new MessageWriter(true);
        ClassAdWire.write(request, new SessionTokenRequest(List.of(), OptionalLong.empty(), Optional.of("NOPE")).toAd());
        assertArrayEquals(fromClient.removeFirst().wire(), connection.encodeMessage(request.toByteArray()));

        RecordedSession.Packet answer = fromServer.removeFirst();
        connection.receive(answer.wire(), 0, answer.wire().length);
        MessageReader reply = new MessageReader(connection.nextMessage(), true);
        SessionTokenReply decoded = SessionTokenReply.fromAd(ClassAdWire.read(reply));
        assertEquals(3, decoded.errorCode());
        assertEquals("Server will not sign with requested key.", decoded.errorString());
        assertTrue(fromClient.isEmpty() && fromServer.isEmpty());
    }

    private static ClassAd firstMessageAd(byte[] payload) throws Exception {
        MessageReader in = new MessageReader(payload, false);
        assertEquals(60010, in.getLong());
        return ClassAdWire.read(in);
    }
}
