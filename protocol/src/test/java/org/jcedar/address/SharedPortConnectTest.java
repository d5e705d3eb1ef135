package org.jcedar.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.testing.CapturedConnection;
import org.junit.jupiter.api.Test;

class SharedPortConnectTest {

    private static byte[] realStream() throws java.io.IOException {
        try (var in = SharedPortConnectTest.class.getResourceAsStream(
                "/vectors/extra-htcondor-23/shared-port-ping/client-to-server.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodesAndReEncodesTheMessageOfARealCondorPing() throws Exception {
        byte[] stream = realStream();
        byte[] payload = CapturedConnection.messages(stream).get(0);
        SharedPortConnect request = SharedPortConnect.decode(payload);
        assertEquals(new SharedPortConnect("schedd_15401_622b", "TOOL", -1, List.of()), request);
        assertArrayEquals(payload, request.encode());
        byte[] packet = new CedarConnection().encodeMessage(request.encode());
        assertArrayEquals(Arrays.copyOf(stream, packet.length), packet);
    }

    @Test
    void onlyForwardingToAnotherDaemonRestartsTheDigests() {
        assertTrue(new SharedPortConnect("collector", "TOOL", 20).restartsHandshakeDigests());
        assertFalse(new SharedPortConnect(SharedPortConnect.SELF, "TOOL", 20).restartsHandshakeDigests());
    }

    @Test
    void extraArgumentsRoundTrip() throws CedarException {
        SharedPortConnect request = new SharedPortConnect("x", "SCHEDD <127.0.0.1:1>", 5, List.of("a", "b"));
        assertEquals(request, SharedPortConnect.decode(request.encode()));
    }

    @Test
    void theServersLimitsAreEnforced() {
        byte[] tooMany = new MessageWriter(false).putInt(75).putString("x").putString("").putInt(0).putInt(101)
                .toByteArray();
        assertEquals(8 + 2 + 1 + 8, assertThrows(CedarException.class, () -> SharedPortConnect.decode(tooMany)).offset());
        byte[] longId = new MessageWriter(false).putInt(75).putString("x".repeat(1024)).putString("").putInt(0)
                .putInt(0).toByteArray();
        assertEquals(8, assertThrows(CedarException.class, () -> SharedPortConnect.decode(longId)).offset());
        byte[] otherCommand = new MessageWriter(false).putInt(60010).toByteArray();
        assertThrows(CedarException.class, () -> SharedPortConnect.decode(otherCommand));
        byte[] trailing = Arrays.copyOf(new SharedPortConnect("x", "", 0).encode(), 40);
        assertThrows(CedarException.class, () -> SharedPortConnect.decode(trailing));
        assertThrows(IllegalArgumentException.class, () -> new SharedPortConnect("x".repeat(1024), "", 0).encode());
    }
}
