package org.jcedar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our condor_token_fetch against what the real 23.9.6 and 25.14.1 tools did with the same command lines when no
 * daemon runs (src/test/resources/real/condor_token_fetch-*.json): the same exit status, the same stdout, and the
 * same stderr - except that HTCondor's aborts name its source line, which ours cannot, and that where HTCondor's
 * message does not say why, ours adds a {@code Reason:} line.
 */
class TokenFetchToolTest {
    @TempDir
    Path home;

    @TestFactory
    List<DynamicTest> behavesLikeTheRealToolWithoutADaemon() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String version : List.of("23", "25")) {
            for (Map<String, Object> recorded : ToolRun.recordedCases("real/condor_token_fetch-" + version + ".json")) {
                @SuppressWarnings("unchecked")
                List<String> args = (List<String>) recorded.get("args");
                tests.add(DynamicTest.dynamicTest(version + " " + args, () -> {
                    ToolRun run = ToolRun.of(TokenFetchTool::run, args, Map.of(), home);
                    assertEquals(((Number) recorded.get("rc")).intValue(), run.status(), run::err);
                    assertEquals(recorded.get("stdout"), run.out());
                    assertSameMessage((String) recorded.get("stderr"), run.err());
                }));
            }
        }
        return tests;
    }

    static void assertSameMessage(String real, String ours) {
        if (real.startsWith("ERROR \"Unknown daemon type")) {
            String quoted = real.substring(0, real.indexOf('"', "ERROR \"".length()) + 1);
            assertEquals(quoted + "\n", ours);
            return;
        }
        if (!ours.equals(real)) {
            assertTrue(ours.startsWith(real), () -> "expected HTCondor's message\n" + real + "but got\n" + ours);
            String extra = ours.substring(real.length());
            assertTrue(extra.startsWith("Reason: ") && extra.indexOf('\n') == extra.length() - 1,
                    () -> "only a Reason: line may follow HTCondor's message, got\n" + extra);
        }
    }
}
