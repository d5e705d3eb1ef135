package org.jcedar.security.method.claimtobe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.method.MethodStep;
import org.jcedar.testing.RecordedSession;
import org.junit.jupiter.api.Test;

/**
 * CLAIMTOBE against the session of 10 Appendix A, recorded against a real 23.9.6 collector: the client claimed
 * "condor" (packet #4), the collector answered 1 (#5).
 */
class ClaimToBeReplayTest {

    private static byte[] payload(RecordedSession.Packet packet) {
        return Arrays.copyOfRange(packet.wire(), 5, packet.wire().length);
    }

    @Test
    void bothHalvesSpeakAsTheRecordedPeers() throws Exception {
        List<RecordedSession.Packet> packets = RecordedSession.load(RecordedSession.APPENDIX_A).packets();
        byte[] claim = payload(packets.get(4));
        byte[] answer = payload(packets.get(5));

        ClaimToBeClient client = new ClaimToBeClient("condor");
        assertArrayEquals(claim, client.start().send().get(0));
        assertEquals(MethodStep.Outcome.SUCCEEDED, client.receive(new MessageReader(answer, false)).outcome());

        ClaimToBeServer as23 = new ClaimToBeServer(false, "anchor.test");
        MethodStep step = as23.receive(new MessageReader(claim, false));
        assertArrayEquals(answer, step.send().get(0));
        assertEquals("condor", as23.peer().fullyQualifiedUser()); // 23.x: no domain

        ClaimToBeServer current = new ClaimToBeServer(true, "anchor.test");
        current.receive(new MessageReader(claim, false));
        assertEquals("condor@anchor.test", current.peer().fullyQualifiedUser());
    }
}
