package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements of a configuration file: assignments and their quirks, @= values, include, error and warning, the
 * #opt: comment options (observed with condor_config_val 23.9.6 and 25.14.1; CondorConfigValComparisonTest
 * compares the same constructs with the real tool).
 */
class ConfigFileSyntaxTest {
    @TempDir
    Path dir;

    private CondorConfig load(String text) throws ConfigException {
        return ConfigFixture.loadText(dir, text);
    }

    @Test
    void assignmentForms() throws Exception {
        CondorConfig c = load("P=q=r\nSpaced Words = only the first word\nTrailing = value  \nD := dval\nE : eval\n"
                + "Empty =\n[Section]\n# comment\n\n");
        assertEquals("q=r", c.get("P").orElseThrow());
        assertEquals("only the first word", c.get("Spaced").orElseThrow());
        assertEquals("value", c.get("Trailing").orElseThrow());
        assertEquals("= dval", c.get("D").orElseThrow());
        assertEquals("eval", c.get("E").orElseThrow());
        assertEquals(Optional.empty(), c.get("Empty"));
        assertEquals(2, c.warnings().stream().filter(w -> w.contains("obsolete use of ':'")).count(), c.warnings().toString());
    }

    @Test
    void knobNamesAreExpandedAndChecked() throws Exception {
        assertEquals("named", load("PRE = MY\n$(PRE)_KNOB = named\n").get("MY_KNOB").orElseThrow());
        assertEquals("x", load("Dotted.Name/Slash = x\n").get("dotted.name/slash").orElseThrow());
        ConfigException e = assertThrows(ConfigException.class, () -> load("A = 1\nBAD-NAME = 1\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("BAD-NAME"), e.getMessage());
    }

    @Test
    void lineWithoutOperatorIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("A = 1\nJUST_A_NAME\n"));
        assertEquals(2, e.line());
        assertThrows(ConfigException.class, () -> load("[Section header with spaces]\n"));
    }

    @Test
    void multiLineValues() throws Exception {
        CondorConfig c = load("""
                FOO = x
                HERE @=END
                line1 $(FOO)
                  line2
                # comments inside are dropped

                @END
                HERE2 @= xyz
                self $(HERE2)
                @xyz
                HERE2 @= xyz
                $(HERE2) again
                @xyz
                """);
        assertEquals("line1 x\nline2", c.get("HERE").orElseThrow());
        assertEquals("self  again", c.get("HERE2").orElseThrow());
        ConfigException e = assertThrows(ConfigException.class, () -> load("A = 1\nX @=END\nvalue\n@end\n"));
        assertEquals(2, e.line());
    }

    @Test
    void runBenchmarksSilencesColonWarningsAndStrictMakesThemErrors() throws Exception {
        assertTrue(load("RunBenchmarks : 0\nA : 1\n").warnings().isEmpty());
        assertThrows(ConfigException.class, () -> load("#opt:strict\nA : b\n"));
        assertEquals("0", load("#opt:strict\nRunBenchmarks : 0\n").get("RunBenchmarks").orElseThrow());
    }

    @Test
    void oldCommentOption() throws Exception {
        CondorConfig c = load("#opt:oldcomment\nA = 1 \\\n# kept \\\nB\n");
        assertEquals("1 # kept B", c.get("A").orElseThrow());
    }

    @Test
    void colonHidesIfBodiesFromOldReaders() throws Exception {
        CondorConfig c = load(":if true\n:Hidden = shown\nendif\n");
        assertEquals("shown", c.get("Hidden").orElseThrow());
        assertThrows(ConfigException.class, () -> load(":IF true\nendif\n"));
    }

    @Test
    void errorAndWarningStatements() throws Exception {
        CondorConfig c = load("warning : watch out $(X)\nX = 1\n");
        assertTrue(c.warnings().stream().anyMatch(w -> w.endsWith("Warning: watch out ")), c.warnings().toString());
        ConfigException e = assertThrows(ConfigException.class, () -> load("A = 1\nerror : stop here\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("stop here"), e.getMessage());
    }

    @Test
    void includes() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).config("""
                include : $(CONFIG_ROOT)/inc.conf
                include ifexist : $(CONFIG_ROOT)/absent.conf
                @include : relative.conf
                After = $(Included) after
                """);
        f.write("inc.conf", "Included = from include\ninclude ifexists : $(CONFIG_ROOT)/nested.conf\n");
        f.write("nested.conf", "Nested = yes\n");
        f.write("relative.conf", "Relative = resolved against the working directory\n");
        CondorConfig c = f.load();
        assertEquals("from include after", c.get("After").orElseThrow());
        assertEquals("yes", c.get("Nested").orElseThrow());
        assertEquals("resolved against the working directory", c.get("Relative").orElseThrow());
        assertEquals(List.of(dir.resolve("condor_config"), dir.resolve("inc.conf"), dir.resolve("nested.conf"),
                dir.resolve("relative.conf")), c.sourcesRead());
    }

    @Test
    void includeProblemsAreErrors() {
        String[][] cases = {
            {"include : $(CONFIG_ROOT)/missing.conf\n", "can't open"},
            {"include : $(CONFIG_ROOT)/condor_config\n", "nested too deep"},
            {"include sometimes : x\n", "unexpected keyword"},
            {"include command : /bin/echo A = 1\n", "runs a program"},
            {"include output : /bin/echo A = 1\n", "runs a program"},
            {"include : /bin/echo A = 1 |\n", "runs a program"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertEquals(1, e.line(), c[0]);
        }
    }

    @Test
    void includeLoopsStopAtTwentyLevels() {
        ConfigFixture f = new ConfigFixture(dir).config("include : $(CONFIG_ROOT)/a.conf\n");
        f.write("a.conf", "include : $(CONFIG_ROOT)/b.conf\n");
        f.write("b.conf", "include : $(CONFIG_ROOT)/a.conf\n");
        ConfigException e = assertThrows(ConfigException.class, f::load);
        assertTrue(e.getMessage().contains("nested too deep"), e.getMessage());
    }

    @Test
    void nulBytesAreRefusedWithTheirLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("A = 1\nB = x\0y\n"));
        assertEquals(2, e.line());
        assertEquals(Optional.of(dir.resolve("condor_config")), e.file());
    }

    @Test
    void invalidUtf8IsReplacedNotRefused() throws Exception {
        ConfigFixture f = new ConfigFixture(dir);
        java.nio.file.Files.write(dir.resolve("condor_config"), new byte[] {'A', '=', (byte) 0xff, '\n'});
        assertEquals("\ufffd", f.load().get("A").orElseThrow());
    }

    @Test
    void originsNameFileAndLine() throws Exception {
        CondorConfig c = load("A = 1\nuse security:strong\n");
        assertEquals(Optional.of(dir.resolve("condor_config") + ", line 1"), c.whereDefined("A"));
        assertTrue(c.whereDefined("SEC_DEFAULT_ENCRYPTION").orElseThrow().endsWith("line 2 (use security:strong)"));
        assertEquals(Optional.of("<Default>"), c.whereDefined("SEC_TOKEN_ISSUER_KEY"));
        assertEquals(Optional.of("<Detected>"), c.whereDefined("USERNAME"));
        assertFalse(c.whereDefined("NOT_DEFINED_ANYWHERE").isPresent());
    }
}
