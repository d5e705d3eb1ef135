package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logical lines as HTCondor's reader forms them (behaviour observed with condor_config_val 23.9.6 and 25.14.1;
 * CondorConfigValComparisonTest checks the same cases against the real tool).
 */
class LogicalLineReaderTest {

    private static List<String> lines(String text) {
        LogicalLineReader reader = new LogicalLineReader(text);
        List<String> out = new ArrayList<>();
        String line;
        while ((line = reader.next()) != null) {
            out.add(line);
        }
        return out;
    }

    @Test
    void trimsEachLineAndKeepsBlankOnes() {
        assertEquals(List.of("A = 1", "", "B = 2"), lines("  A = 1  \n\t\n\tB = 2\r\n"));
    }

    @Test
    void backslashContinuesKeepingTheSpaceBeforeIt() {
        assertEquals(List.of("I = one two three"), lines("I = one \\\n    two \\\n  three\n"));
    }

    @Test
    void commentInsideContinuationStandsForItsLastCharacter() {
        assertEquals(List.of("I = one two e", "J = 1"),
                lines("I = one \\\n    two \\\n  # comment inside\nJ = 1\n"));
    }

    @Test
    void commentedOutLineEndingInBackslashKeepsContinuing() {
        assertEquals(List.of("M = a N = b"), lines("M = a \\\n# comment \\\nN = b\n"));
    }

    @Test
    void commentStartingALineDoesNotContinue() {
        assertEquals(List.of("# comment ", "A = 1"), lines("# comment \\\nA = 1\n"));
    }

    @Test
    void oldCommentRulesKeepCommentsInContinuations() {
        LogicalLineReader reader = new LogicalLineReader("A = 1 \\\n# c \\\nB\n# x \\\nC = 2\n");
        reader.useNewCommentRules(false);
        assertEquals("A = 1 # c B", reader.next());
        assertEquals("# x C = 2", reader.next());
        assertNull(reader.next());
    }

    @Test
    void unterminatedLastLineIsTakenAsItIs() {
        assertEquals(List.of("A = b", "B = trailing   "), lines("A = b\nB = trailing   "));
        assertEquals(List.of("A = b", "   C = lead"), lines("A = b\n   C = lead"));
        assertEquals(List.of("D = x \\"), lines("D = x \\"));
        assertEquals(List.of("A = b   E = y"), lines("A = b \\\n  E = y"));
    }

    @Test
    void emptyLineEndsAContinuationUnlessTheTextEndsInABackslash() {
        assertEquals(List.of("A = x ", "B = y"), lines("A = x \\\n\nB = y\n"));
        assertEquals(List.of("A = xB = y"), lines("A = x\\\\\n\nB = y\n"));
    }

    @Test
    void lineNumberIsWhereTheLogicalLineStarts() {
        LogicalLineReader reader = new LogicalLineReader("A = 1\nB = 2 \\\n 3\nC = 4\n");
        reader.next();
        assertEquals(1, reader.lineNumber());
        reader.next();
        assertEquals(2, reader.lineNumber());
        reader.next();
        assertEquals(4, reader.lineNumber());
    }

    @Test
    void endsAtEndOfText() {
        assertEquals(List.of(), lines(""));
        assertEquals(List.of(), lines("\\\n"));
    }
}
