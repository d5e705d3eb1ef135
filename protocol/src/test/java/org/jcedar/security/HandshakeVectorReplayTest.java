package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandRegistration;
import org.jcedar.command.SecQueryReply;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.jcedar.security.method.claimtobe.ClaimToBeServer;
import org.jcedar.testing.RecordedSession;
import org.jcedar.testing.RecordedSession.Packet;
import org.junit.jupiter.api.Test;

/**
 * The other recorded sessions with a real 23.9.6 collector, replayed through our state machines: 10 Appendix A
 * (CLAIMTOBE: both halves up to the key switch, where the unknown client key ends what can be reproduced) and
 * 20 §18.3 (no authentication, everything in clear: the client to the end).
 */
class HandshakeVectorReplayTest {

    private static List<Packet> from(RecordedSession s, boolean client) {
        List<Packet> out = new ArrayList<>();
        for (Packet p : s.packets()) {
            if (p.fromClient() == client) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void appendixAClientSpeaksAsTheRecordedClientUntilTheKeySwitch() throws Exception {
        RecordedSession s = RecordedSession.load(RecordedSession.APPENDIX_A);
        List<Packet> client = from(s, true);
        List<Packet> server = from(s, false);
        ClientHandshake handshake = HandshakePair.client(60010, OptionalInt.empty(),
                HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE)),
                (m, o) -> Optional.of(new ClaimToBeClient("condor")));
        handshake.start();
        CedarConnection wire = new CedarConnection();
        List<HandshakeAction> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // M2, H2, C2, K
            sent.addAll(handshake.receive(server.get(i).plaintext()));
        }
        assertArrayEquals(client.get(1).wire(), wire.encodeMessage(((HandshakeAction.Send) sent.get(0)).payload()), "H1");
        assertArrayEquals(client.get(2).wire(), wire.encodeMessage(((HandshakeAction.Send) sent.get(1)).payload()), "C1");
        assertInstanceOf(HandshakeAction.EnableEncryption.class, sent.get(2), "AES right after the key message");
        assertEquals(3, sent.size());
    }

    @Test
    void appendixAServerAnswersAsTheRecordedCollectorUntilTheKeySwitch() throws Exception {
        RecordedSession s = RecordedSession.load(RecordedSession.APPENDIX_A);
        List<Packet> client = from(s, true);
        List<Packet> server = from(s, false);
        ServerHandshake.Settings base = HandshakePair.server(Map.of("SEC_DEFAULT_AUTHENTICATION_METHODS", "CLAIMTOBE",
                "ALLOW_READ", "*"), (m, o) -> Optional.of(new ClaimToBeServer(false, "anchor.test")),
                new SessionCache(10));
        ServerHandshake.Settings settings = new ServerHandshake.Settings(base.commands()
                .register(CommandRegistration.of(6, "QUERY_SCHEDD_ADS", Permission.READ)), base.policies(),
                base.methods(), base.authorization(), base.sessions(), base.sessionIds(), base.trustDomain(),
                base.issuerKeys(), base.clock());
        ServerHandshake handshake = new ServerHandshake(settings, InetAddress.getLoopbackAddress(), new SecureRandom());

        List<HandshakeAction> m2 = handshake.receive(client.get(0).plaintext());
        ClassAd response = ClassAdWire.read(new MessageReader(((HandshakeAction.Send) m2.get(0)).payload(), false));
        ClassAd recorded = ClassAdWire.read(new MessageReader(server.get(0).plaintext(), false));
        for (String name : List.of("Enact", "Authentication", "Encryption", "Integrity", "AuthMethodsList",
                "AuthMethods", "CryptoMethods", "CryptoMethodsList", "SessionDuration", "SessionLease")) {
            assertEquals(recorded.lookup(name).map(Object::toString), response.lookup(name).map(Object::toString), name);
        }
        CedarConnection wire = new CedarConnection();
        List<HandshakeAction> h2 = handshake.receive(client.get(1).plaintext());
        assertArrayEquals(server.get(1).wire(), wire.encodeMessage(((HandshakeAction.Send) h2.get(0)).payload()), "H2");
        List<HandshakeAction> after = handshake.receive(client.get(2).plaintext());
        assertArrayEquals(server.get(2).wire(), wire.encodeMessage(((HandshakeAction.Send) after.get(0)).payload()), "C2");
        assertArrayEquals(server.get(3).wire(), wire.encodeMessage(((HandshakeAction.Send) after.get(1)).payload()), "K");
        assertInstanceOf(HandshakeAction.EnableEncryption.class, after.get(2));
        ClassAd recordedPostAuth = ClassAdWire.read(new MessageReader(server.get(4).plaintext(), true));
        ClassAd ourPostAuth = ClassAdWire.read(new MessageReader(((HandshakeAction.Send) after.get(3)).payload(), true));
        assertEquals(recordedPostAuth.getString("User"), ourPostAuth.getString("User"), "23.x keeps the bare claim");
        assertEquals(recordedPostAuth.getString("ReturnCode"), ourPostAuth.getString("ReturnCode"));
    }

    @Test
    void section18Point3ClientCompletesInClearAsTheRecordedClientDid() throws Exception {
        RecordedSession s = RecordedSession.load("20-18.3-plaintext-never.txt");
        List<Packet> server = from(s, false);
        ClientHandshake handshake = HandshakePair.client(60040, OptionalInt.of(60020),
                HandshakePair.policy(Requirement.NEVER, List.of(AuthMethod.CLAIMTOBE)),
                (m, o) -> Optional.empty());
        handshake.start();
        assertEquals(List.of(), handshake.receive(server.get(0).plaintext()), "no key, nothing to send");
        assertEquals(List.of(), handshake.receive(server.get(1).plaintext()));
        assertTrue(handshake.finished());
        ClientSession session = handshake.session();
        assertEquals("unauthenticated@unmapped", session.mappedUser());
        assertEquals(Optional.empty(), session.method());
        assertEquals(Optional.empty(), session.cipher());
        assertTrue(SecQueryReply.decode(new MessageReader(server.get(2).plaintext(), false)));
    }
}
