package org.jcedar.security.method.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.method.AuthenticatedPeer;
import org.jcedar.security.method.MethodStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the IDTOKENS exchange recorded between a real 23.9.6 condor_token_fetch and a real 23.9.6 collector
 * (30 §4.12, Appendix B) through both halves of the TOKEN method, byte for byte.
 */
class TokenMethodReplayTest {
    private static Map<String, String> vector;
    private static String token;
    private static byte[] ra;
    private static byte[] rb;

    @BeforeAll
    static void load() throws IOException {
        vector = new HashMap<>();
        try (InputStream in = TokenMethodReplayTest.class.getResourceAsStream("/vectors/idtokens/30-appendix-b.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] kv = line.split(" ", 2);
                    vector.put(kv[0], kv[1]);
                }
            }
        }
        token = vector.get("client-token");
        ra = HexFormat.of().parseHex(vector.get("ra"));
        rb = HexFormat.of().parseHex(vector.get("rb"));
    }

    /** The payload of a recorded packet (its 5-byte header removed). */
    private static byte[] payload(String name) {
        byte[] wire = HexFormat.of().parseHex(vector.get(name));
        return Arrays.copyOfRange(wire, 5, wire.length);
    }

    private static PresentedToken presented() {
        int lastDot = token.lastIndexOf('.');
        return new PresentedToken("alice@vector.example", token.substring(0, lastDot),
                Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    @Test
    void theClientSendsWhatTheRealClientSent() throws Exception {
        TokenClient client = new TokenClient(Optional.of(presented()), new FixedRandom(ra));
        MethodStep first = client.start();
        assertArrayEquals(payload("message1"), first.send().get(0));
        MethodStep last = client.receive(new MessageReader(payload("message2"), false));
        assertEquals(MethodStep.Outcome.SUCCEEDED, last.outcome(), last.failure());
        assertArrayEquals(payload("message3"), last.send().get(0));
    }

    @Test
    void theServerAnswersWhatTheRealCollectorAnswered() throws Exception {
        PresentedToken t = presented();
        TokenValidator recordedKey = text -> new ValidatedToken(t.signature(), "alice@vector.example",
                "vector.example", Optional.of("34bd1d1d32e273a576bbe2ed82c84187"), Optional.of(1795908362L), List.of());
        TokenServer server = new TokenServer(recordedKey, vector.get("server-name"), new FixedRandom(rb));
        server.start();
        MethodStep second = server.receive(new MessageReader(payload("message1"), false));
        assertArrayEquals(payload("message2"), second.send().get(0));
        MethodStep done = server.receive(new MessageReader(payload("message3"), false));
        assertEquals(MethodStep.Outcome.SUCCEEDED, done.outcome(), done.failure());
        AuthenticatedPeer peer = server.peer();
        assertEquals("alice@vector.example", peer.fullyQualifiedUser());
        assertEquals(1795908362L, peer.sessionAttributes().get("TokenExpirationTime"));
    }

    @Test
    void aServerProofComputedWithAnotherSignatureIsRefused() throws Exception {
        PresentedToken t = presented();
        byte[] wrong = t.signature().clone();
        wrong[0] ^= 1;
        TokenClient client = new TokenClient(Optional.of(new PresentedToken(t.subject(), t.signedText(), wrong)),
                new FixedRandom(ra));
        client.start();
        MethodStep last = client.receive(new MessageReader(payload("message2"), false));
        assertEquals(MethodStep.Outcome.FAILED, last.outcome());
    }

    @Test
    void aTamperedClientProofAbortsTheServer() throws Exception {
        PresentedToken t = presented();
        TokenValidator recordedKey = text -> new ValidatedToken(t.signature(), "alice@vector.example",
                "vector.example", Optional.empty(), Optional.empty(), List.of());
        TokenServer server = new TokenServer(recordedKey, vector.get("server-name"), new FixedRandom(rb));
        server.receive(new MessageReader(payload("message1"), false));
        byte[] third = payload("message3");
        third[third.length - 1] ^= 1;
        assertEquals(MethodStep.Outcome.ABORTED, server.receive(new MessageReader(third, false)).outcome());
    }
}
