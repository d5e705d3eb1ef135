package org.jcedar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 30 §6.1 locations and messages; 0600 and atomic where HTCondor rewrites in place. */
class TokenFileWriterTest {
    private static final String TOKEN = Vectors.token("protocol-30/vector-a.jwt");

    @TempDir
    Path dir;

    @Test
    void writesIntoACreatedTokenDirectory() throws Exception {
        Path tokens = dir.resolve("wt/sub/dir");
        Path written = TokenFileWriter.writeToDirectory(tokens, "mytoken", TOKEN);
        assertEquals(tokens.resolve("mytoken"), written);
        assertEquals(TOKEN + "\n", Files.readString(written));
        assertEquals("rw-------", mode(written));
        for (Path created : List.of(dir.resolve("wt"), dir.resolve("wt/sub"), tokens)) {
            assertEquals("rwx------", mode(created), created.toString());
        }
    }

    @Test
    void tokenNamesMustBePlainFileNames() {
        for (String name : List.of("../evil", "a/b", "/abs", "", ".", "..")) {
            assertEquals("Token name isn't a plain filename", assertThrows(TokenFileException.class,
                    () -> TokenFileWriter.writeToDirectory(dir, name, TOKEN)).getMessage(), name);
        }
    }

    @Test
    void anExistingWorldReadableFileIsReplacedBy0600() throws Exception {
        Path file = dir.resolve("t");
        Files.writeString(file, "old content that is longer than a token would ever be ".repeat(20));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TokenFileWriter.writeToFile(file, TOKEN);
        assertEquals(TOKEN + "\n", Files.readString(file));
        assertEquals("rw-------", mode(file));
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(file), entries.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void refusesASymlinkAndAMissingDirectoryWithHtcondorsMessages() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertEquals("Cannot write token to " + link + ": File exists (errno=17)",
                assertThrows(TokenFileException.class, () -> TokenFileWriter.writeToFile(link, TOKEN)).getMessage());
        assertEquals("keep", Files.readString(target));

        Path missing = dir.resolve("nodir/f");
        assertEquals("Cannot write token to " + missing + ": No such file or directory (errno=2)",
                assertThrows(TokenFileException.class, () -> TokenFileWriter.writeToFile(missing, TOKEN))
                        .getMessage());
        assertFalse(Files.exists(dir.resolve("nodir")));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
