package org.jcedar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Our condor_token_list against the real 23.9.6 and 25.14.1 tools (recordings in src/test/resources). */
class TokenListToolTest {
    private static final String FIXTURE = "token-list/tokens.d";

    @TempDir
    Path dir;

    /** Copies the recorded token directory out of the test classpath folder. */
    private Path copyFixture() throws Exception {
        Path source = Path.of(TokenListToolTest.class.getResource("/" + FIXTURE).toURI());
        Path target = dir.resolve("tokens.d");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
            }
        }
        return target;
    }

    @Test
    void printsTheSameLinesAsTheRealToolForTheSameDirectory() throws Exception {
        Path tokens = copyFixture();
        ToolRun run = ToolRun.of(TokenListTool::run, List.of("-dir", tokens.toString()), Map.of(), dir);
        assertEquals(0, run.status());
        assertEquals("", run.err());
        List<String> ours = sortedLines(new String(run.stdout(), StandardCharsets.ISO_8859_1)
                .replace(tokens + "/", "@DIR@/"));
        for (String version : List.of("23", "25")) {
            List<String> real = sortedLines(new String(ToolRun.resource("token-list/expected-" + version + ".txt"),
                    StandardCharsets.ISO_8859_1));
            assertEquals(real, ours, "HTCondor " + version);
        }
    }

    @TestFactory
    List<DynamicTest> optionsBehaveLikeTheRealTool() throws Exception {
        Path tokens = copyFixture();
        Path single = dir.resolve("l1");
        Files.writeString(single,
                new String(ToolRun.resource("real/vector-a.jwt"), StandardCharsets.US_ASCII).strip() + "\n");
        List<DynamicTest> tests = new ArrayList<>();
        List<Map<String, Object>> real23 = ToolRun.recordedCases("real/condor_token_list-23.json");
        List<Map<String, Object>> real25 = ToolRun.recordedCases("real/condor_token_list-25.json");
        for (int i = 0; i < real23.size(); i++) {
            Map<String, Object> recorded = real23.get(i);
            boolean sameIn25 = recorded.equals(real25.get(i));
            @SuppressWarnings("unchecked")
            List<String> args = ((List<String>) recorded.get("args")).stream()
                    .map(a -> a.replace("/tmp/keys-dev-l1", single.toString())
                            .replace("/tmp/keys-dev-list/", tokens + "/")).toList();
            tests.add(DynamicTest.dynamicTest(args + (sameIn25 ? " (23 and 25)" : " (23)"), () -> {
                ToolRun run = ToolRun.of(TokenListTool::run, args, Map.of(), dir);
                assertEquals(((Number) recorded.get("rc")).intValue(), run.status(), "exit status");
                assertEquals(recorded.get("stdout"), run.out().replace(single.toString(), "/tmp/keys-dev-l1"));
                assertEquals(recorded.get("stderr"), run.err());
            }));
        }
        return tests;
    }

    @Test
    void anInvalidExcludeRegexpListsNothingAndTheConfiguredDirectoryIsTheDefault() throws Exception {
        Path tokens = copyFixture();
        ToolRun run = ToolRun.of(TokenListTool::run, List.of(),
                Map.of("SEC_TOKEN_DIRECTORY", tokens.toString(), "LOCAL_CONFIG_DIR_EXCLUDE_REGEXP",
                        "("), dir);
        assertEquals(0, run.status());
        assertEquals("", run.out());
        run = ToolRun.of(TokenListTool::run, List.of(), Map.of("SEC_TOKEN_DIRECTORY", tokens.toString()), dir);
        assertEquals(sortedLines(new String(ToolRun.resource("token-list/expected-23.txt"),
                StandardCharsets.ISO_8859_1)), sortedLines(new String(run.stdout(), StandardCharsets.ISO_8859_1)
                .replace(tokens + "/", "@DIR@/")));
    }

    private static List<String> sortedLines(String text) {
        String[] lines = text.split("\n", -1);
        Arrays.sort(lines);
        return List.of(lines);
    }
}
