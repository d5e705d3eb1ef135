package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * if/elif/else/endif: which conditions HTCondor accepts and how they evaluate (observed with condor_config_val
 * 23.9.6 and 25.14.1; CondorConfigValComparisonTest compares the same constructs with the real tool).
 */
class ConditionsTest {
    @TempDir
    Path dir;

    private boolean holds(String condition, HtcondorVersion version) throws ConfigException {
        String text = "NUMBER = 42\nPlain = set\nEMPTY_KNOB =\nif " + condition + "\nR = yes\nelse\nR = no\nendif\n";
        ConfigFixture f = new ConfigFixture(dir).config(text);
        f.builder().version(version);
        return f.load().get("R").orElseThrow().equals("yes");
    }

    @ParameterizedTest(name = "if {0}")
    @CsvSource(delimiter = '|', value = {
        "true | true", "TRUE | true", "false | false", "yes | true", "t | true", "no | false", "F | false",
        "1 | true", "0 | false", "1.5 | true", "0.0 | false", "-2 | true", "1e3 | true", "0e5 | false",
        "! false | true", "!true | false", "$(NUMBER) | true", "$(UNDEFINED_KNOB) | false", "! $(UNDEFINED_KNOB) | true",
        "defined Plain | true", "defined NO_SUCH | false", "defined EMPTY_KNOB | false", "defined true | true",
        "defined 17 | true", "defined yes | true", "defined | false", "defined SEC_TOKEN_ISSUER_KEY | true",
        "defined use SECURITY:strong | true", "defined use SECURITY | true", "defined use SECURITY:nope | false",
        "defined use NOPE | false",
    })
    void evaluates(String condition, boolean expected) throws Exception {
        assertEquals(expected, holds(condition, HtcondorVersion.V23_9_6), condition);
    }

    @ParameterizedTest(name = "{1}: version {0}")
    @CsvSource(delimiter = '|', value = {
        ">= 23.0 | 23.9.6 | true", ">= 24.0 | 23.9.6 | false", ">= 24.0 | 25.14.1 | true",
        "== 23.9 | 23.9.6 | true", "== 23.9.5 | 23.9.6 | false", "= 23.9.6 | 23.9.6 | true",
        "!= 25.0 | 23.9.6 | true", "!= 25.14 | 25.14.1 | false", "< 23.10.0 | 23.9.6 | true",
        "< 23.10.0 | 25.14.1 | false", "> 23.9.6 | 23.9.6 | false", "<= 23.9.6 | 23.9.6 | true",
        "> v8.0 | 23.9.6 | true",
    })
    void comparesVersions(String comparison, String version, boolean expected) throws Exception {
        assertEquals(expected, holds("version " + comparison, HtcondorVersion.parse(version).orElseThrow()));
    }

    @ParameterizedTest(name = "if {0}")
    @CsvSource(delimiter = '|', value = {
        "SOME_NAME | not a conditional", "1 + 1 | complex conditionals", "version >= 5.0 | version literal",
        "version != 25 | version literal", "version 23.9.6 | complex conditionals",
        "defined use SECURITY:recommended_v9_0 | complex conditionals", "defined a b | defined argument must be",
        "$(NUMBER) == 42 | complex conditionals", "| not a conditional", "!! true | complex conditionals",
    })
    void refusesWhatHtcondorRefuses(String condition, String reason) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> holds(condition == null ? "" : condition, HtcondorVersion.V23_9_6));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(4, e.line());
    }

    /** HTCondor compares against an uninitialised number for minor versions above 99; we refuse. */
    @Test
    void outOfRangeVersionLiteralIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> holds("version >= 23.100", HtcondorVersion.V23_9_6));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void branchesNestAndOnlyTheFirstTrueOneCounts() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, """
                if true
                  if no
                    Inner = no
                  elif t
                    Inner = elif t
                  elif true
                    Inner = second elif
                  else
                    Inner = else
                  endif
                else
                  Inner = outer else
                endif
                if false
                  if SOME_NAME
                  endif
                  Skipped = conditions in skipped branches are not evaluated
                endif
                """);
        assertEquals("elif t", c.get("Inner").orElseThrow());
        assertTrue(c.get("Skipped").isEmpty());
    }

    @Test
    void misplacedKeywordsAreErrors() {
        for (String text : new String[] {"endif\n", "else\n", "elif true\n", "if true\nelse\nelse\nendif\n",
            "if true\nelse\nelif true\nendif\n", "if true\nA = 1\n"}) {
            assertThrows(ConfigException.class, () -> ConfigFixture.loadText(dir, text), text);
        }
    }

    @Test
    void ifNestsSixtyThreeLevelsDeep() throws Exception {
        String ok = "if true\n".repeat(63) + "Deep = yes\n" + "endif\n".repeat(63);
        assertEquals("yes", ConfigFixture.loadText(dir, ok).get("Deep").orElseThrow());
        String tooDeep = "if true\n".repeat(64) + "endif\n".repeat(64);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFixture.loadText(dir, tooDeep));
        assertEquals(64, e.line());
    }
}
