package org.jcedar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.UnverifiedToken;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Our condor_token_create against what the real 23.9.6 and 25.14.1 tools did with the same command lines. */
class TokenCreateToolTest {
    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> behavesLikeTheRealTool() throws Exception {
        Path passwords = Files.createDirectory(dir.resolve("passwords.d"));
        SigningKeyStore store = new SigningKeyStore(Optional.of(passwords), Optional.of(passwords.resolve("POOL")),
                false, Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
        store.create("POOL", new byte[64]);
        store.create("VECKEY", "vector key".getBytes(StandardCharsets.US_ASCII));
        List<DynamicTest> tests = new ArrayList<>();
        for (String version : List.of("23", "25")) {
            Map<String, String> env = Map.of("SEC_PASSWORD_DIRECTORY", passwords.toString(),
                    "TRUST_DOMAIN", "keys" + version + ".test",
                    "SEC_TOKEN_DIRECTORY", dir.resolve("tokens.d").toString());
            for (Map<String, Object> recorded : ToolRun.recordedCases("real/condor_token_create-" + version + ".json")) {
                @SuppressWarnings("unchecked")
                List<String> args = (List<String>) recorded.get("args");
                tests.add(DynamicTest.dynamicTest(version + " " + args, () -> {
                    ToolRun run = ToolRun.of(TokenCreateTool::run, args, env, dir);
                    assertEquals(((Number) recorded.get("rc")).intValue(), run.status(), "exit status");
                    assertEquals(recorded.get("stderr"), run.err().replace(passwords.toString(), "@PASSWORDS@"));
                    if (recorded.get("stdout_token") == null) {
                        assertEquals(recorded.get("stdout"), run.out());
                    } else {
                        assertEquals(recorded.get("stdout_token"), tokenShape(run.out()));
                    }
                }));
            }
        }
        return tests;
    }

    /** The recording's view of a printed token: header text, sub/scope/iss verbatim, other claims by type. */
    private static Map<String, Object> tokenShape(String stdout) throws Exception {
        assertEquals('\n', stdout.charAt(stdout.length() - 1));
        UnverifiedToken token = UnverifiedToken.parse(stdout.substring(0, stdout.length() - 1));
        Map<String, Object> shape = new TreeMap<>();
        token.claims().forEach((name, value) -> shape.put(name, List.of("sub", "scope", "iss").contains(name)
                ? value : value instanceof Long ? "<number>" : "<string>"));
        shape.put("header", new String(token.headerJson(), StandardCharsets.UTF_8));
        return shape;
    }

    @Test
    void writesIntoTheTokenDirectoryAndFiles() throws Exception {
        Path passwords = Files.createDirectory(dir.resolve("passwords.d"));
        new SigningKeyStore(Optional.of(passwords), Optional.of(passwords.resolve("POOL")), false,
                Pattern.compile("(?!)"), ProcessIdentity.realUid()).create("POOL", new byte[64]);
        Map<String, String> env = Map.of("SEC_PASSWORD_DIRECTORY", passwords.toString(),
                "TRUST_DOMAIN", "d.test", "SEC_TOKEN_DIRECTORY", dir.resolve("t/d").toString());
        ToolRun run = ToolRun.of(TokenCreateTool::run, List.of("-identity", "a@d.test", "-token", "mine"), env, dir);
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        String written = Files.readString(dir.resolve("t/d/mine"));
        assertEquals("a@d.test", UnverifiedToken.parse(written.strip()).subject().orElseThrow());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("t/d/mine"))));

        Path file = dir.resolve("plain");
        run = ToolRun.of(TokenCreateTool::run, List.of("-identity", "b", "-file", file.toString()), env, dir);
        assertEquals(0, run.status(), run.err());
        assertEquals("b", UnverifiedToken.parse(Files.readString(file).strip()).subject().orElseThrow());
    }
}
