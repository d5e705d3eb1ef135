package org.jcedar.security.method.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.Endpoint;
import org.jcedar.security.method.MethodStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FS on the local file system: what the server accepts and refuses, and that the client cleans up. */
class FsMethodTest {
    private static final Endpoint SERVER = new Endpoint("127.0.0.1", 9618);

    @TempDir
    Path dir;

    private FsServer server() {
        return new FsServer(new FsServer.Settings(dir, "test.example", true, "condor"), SERVER, new LocalFileSystem(),
                new SecureRandom());
    }

    @Test
    void aClientAndServerSharingADirectoryAuthenticateTheOwner() throws Exception {
        FsServer server = server();
        FsClient client = new FsClient(SERVER, Optional.empty(), true, new LocalFileSystem());
        client.start();
        MethodStep f2 = client.receive(new MessageReader(server.start().send().get(0), false));
        MethodStep f3 = server.receive(new MessageReader(f2.send().get(0), false));
        assertEquals(MethodStep.Outcome.SUCCEEDED, f3.outcome(), f3.failure());
        String owner = Files.getOwner(dir).getName();
        String expected = owner.equals("root") ? "condor@test.example" : owner + "@test.example";
        assertEquals(expected, server.peer().fullyQualifiedUser());
        assertEquals(MethodStep.Outcome.SUCCEEDED, client.receive(new MessageReader(f3.send().get(0), false)).outcome());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the client removes its directory");
        }
    }

    @Test
    void theServerRefusesADirectoryOthersCanEnterAndRemovesIt() throws Exception {
        FsServer server = server();
        String name = new MessageReader(server.start().send().get(0), false).getString();
        Path made = Path.of(name + SERVER.hostPort());
        Files.createDirectory(made, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        MethodStep verdict = server.receive(new MessageReader(new org.jcedar.cedar.MessageWriter(false).putInt(0)
                .putString(SERVER.hostPort()).toByteArray(), false));
        assertEquals(MethodStep.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.failure().contains("mode 755"), verdict.failure());
        assertFalse(Files.exists(made));
    }

    @Test
    void theServerRefusesASymbolicLinkAndLeavesItsTargetAlone() throws Exception {
        FsServer server = server();
        String name = new MessageReader(server.start().send().get(0), false).getString();
        Path target = Files.createDirectory(dir.resolve("real"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(Path.of(name), target);
        MethodStep verdict = server.receive(new MessageReader(new org.jcedar.cedar.MessageWriter(false).putInt(0)
                .toByteArray(), false));
        assertEquals(MethodStep.Outcome.FAILED, verdict.outcome());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void aClientThatCouldNotCreateTheDirectoryFails() throws Exception {
        FsServer server = server();
        server.start();
        MethodStep verdict = server.receive(new MessageReader(new org.jcedar.cedar.MessageWriter(false).putInt(-1)
                .toByteArray(), false));
        assertEquals(MethodStep.Outcome.FAILED, verdict.outcome());
        assertEquals(-1, new MessageReader(verdict.send().get(0), false).getLong());
    }
}
