package org.jcedar.security.method.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.Endpoint;
import org.jcedar.security.method.MethodStep;
import org.jcedar.testing.Capture;
import org.jcedar.testing.Captures;
import org.junit.jupiter.api.Test;

/**
 * FS against the exchanges real HTCondor had in the captures: a-fetch-default, where condor_token_fetch (run as
 * nobody) authenticated to the schedd with FS. Server messages: M2, H2, F1, F3, K1, ...; client messages: M1, H1,
 * F2, ...
 */
class FsCaptureTest {

    private static Endpoint schedd(Capture capture) {
        String[] hostPort = capture.meta().get("schedd").asText().split(":");
        return new Endpoint(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    @Test
    void ourClientAnswersA25ScheddExactlyAsReal25ClientDid() throws Exception {
        Capture capture = Captures.load("htcondor-25", "a-fetch-default");
        List<byte[]> server = capture.connections().get(0).serverMessages();
        List<byte[]> client = capture.connections().get(0).clientMessages();
        RecordingFileSystem fs = new RecordingFileSystem();
        FsClient fsClient = new FsClient(schedd(capture), Optional.empty(), true, fs);
        fsClient.start();
        MethodStep answer = fsClient.receive(new MessageReader(server.get(2), false));
        assertArrayEquals(client.get(2), answer.send().get(0), "F2 with the channel-binding suffix");
        MethodStep verdict = fsClient.receive(new MessageReader(server.get(3), false));
        assertEquals(MethodStep.Outcome.SUCCEEDED, verdict.outcome(), verdict.failure());
        String name = new MessageReader(server.get(2), false).getString();
        assertEquals(List.of("mkdir " + name + "127.0.0.1:25619", "rmdir " + name + "127.0.0.1:25619"), fs.operations);
    }

    @Test
    void ourClientRefusesThe23ScheddsUnboundNameUnlessTold() throws Exception {
        Capture capture = Captures.load("htcondor-23", "a-fetch-default");
        List<byte[]> server = capture.connections().get(0).serverMessages();
        List<byte[]> client = capture.connections().get(0).clientMessages();

        FsClient enforcing = new FsClient(schedd(capture), Optional.empty(), true, new RecordingFileSystem());
        enforcing.start();
        MethodStep refused = enforcing.receive(new MessageReader(server.get(2), false));
        assertEquals(-1, new MessageReader(refused.send().get(0), false).getLong());
        MethodStep verdict = enforcing.receive(new MessageReader(new org.jcedar.cedar.MessageWriter(false).putInt(-1)
                .toByteArray(), false));
        assertEquals(MethodStep.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.failure().contains("SEC_FS_ENFORCE_CHANNEL_BINDING"), verdict.failure());

        RecordingFileSystem fs = new RecordingFileSystem();
        FsClient lenient = new FsClient(schedd(capture), Optional.empty(), false, fs);
        lenient.start();
        MethodStep answer = lenient.receive(new MessageReader(server.get(2), false));
        assertArrayEquals(client.get(2), answer.send().get(0), "F2 as the real 23.9.6 client sent it");
        assertEquals(MethodStep.Outcome.SUCCEEDED,
                lenient.receive(new MessageReader(server.get(3), false)).outcome());
    }

    @Test
    void ourServerAcceptsTheReal25ClientsSuffixOnlyForItsOwnAddress() throws Exception {
        Capture capture = Captures.load("htcondor-25", "a-fetch-default");
        byte[] realF2 = capture.connections().get(0).clientMessages().get(2);
        String suffix = "127.0.0.1:25619";

        RecordingFileSystem fs = new RecordingFileSystem();
        FsServer server = new FsServer(new FsServer.Settings(Path.of("/tmp"), "cap25.test", true, "condor"),
                schedd(capture), fs, new SecureRandom());
        String name = new MessageReader(server.start().send().get(0), false).getString();
        assertTrue(name.startsWith("/tmp/FS_127.0.0.1_25619_XXX") && name.endsWith("_"), name);
        fs.createPrivateDirectory(Path.of(name + suffix)); // what the real client did
        MethodStep verdict = server.receive(new MessageReader(realF2, false));
        assertEquals(MethodStep.Outcome.SUCCEEDED, verdict.outcome(), verdict.failure());
        assertEquals("nobody@cap25.test", server.peer().fullyQualifiedUser());

        FsServer elsewhere = new FsServer(new FsServer.Settings(Path.of("/tmp"), "cap25.test", true, "condor"),
                new Endpoint("127.0.0.1", 9618), fs, new SecureRandom());
        elsewhere.start();
        MethodStep replayed = elsewhere.receive(new MessageReader(realF2, false));
        assertEquals(MethodStep.Outcome.FAILED, replayed.outcome());
        assertTrue(replayed.failure().contains("does not name this server"), replayed.failure());
    }
}
