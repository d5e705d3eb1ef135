package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macro functions; expected values observed with condor_config_val 23.9.6 and 25.14.1 (the same
 * definitions are compared with the real tool by CondorConfigValComparisonTest).
 */
class MacroFunctionsTest {
    @TempDir
    Path dir;

    private String value(String definitions, String name) throws ConfigException {
        return ConfigFixture.loadText(dir, definitions).get(name).orElse("");
    }

    @Test
    void integer() throws Exception {
        String defs = "NUMBER = 42\nIntValue = $INT(NUMBER)\nIntFormatted = $INT(NUMBER,%05d)\nIntHex = $INT(NUMBER,0x%x)\n"
                + "Literal = $INT(-7)\nUnsigned = $INT(-1,%lu)\nText = $INT(NUMBER,port %d!)\n";
        assertEquals("42", value(defs, "IntValue"));
        assertEquals("00042", value(defs, "IntFormatted"));
        assertEquals("0x2a", value(defs, "IntHex"));
        assertEquals("-7", value(defs, "Literal"));
        assertEquals("18446744073709551615", value(defs, "Unsigned"));
        assertEquals("port 42!", value(defs, "Text"));
    }

    @Test
    void integerOfAnExpressionKeepsTheTextWithAWarning() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "X = $INT(60*60)\n");
        assertEquals("60*60", c.get("X").orElseThrow());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("$INT(60*60)")), c.warnings().toString());
    }

    @Test
    void integerWithABadFormatIsAnError() {
        assertThrows(ConfigException.class, () -> value("X = $INT(1,%s)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $INT(1,%d%d)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $INT(1,%99999999d)\n", "X"));
    }

    @Test
    void substring() throws Exception {
        String defs = "Plain = value with   inner   spaces\nSub = $SUBSTR(Plain,0,5)\nSubNeg = $SUBSTR(Plain,-6)\n"
                + "Len = $SUBSTR(Plain,6,-7)\nPast = $SUBSTR(Plain,99)\nUndef = $SUBSTR(NOPE,1)\nIdx = 2\n"
                + "ByName = $SUBSTR(Plain,Idx,3)\n";
        assertEquals("value", value(defs, "Sub"));
        assertEquals("spaces", value(defs, "SubNeg"));
        assertEquals("with   inner  ", value(defs, "Len"));
        assertEquals("", value(defs, "Past"));
        assertEquals("", value(defs, "Undef"));
        assertEquals("lue", value(defs, "ByName"));
        assertThrows(ConfigException.class, () -> value("X = $SUBSTR(Plain)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $SUBSTR(Plain,abc)\n", "X"));
    }

    @Test
    void choice() throws Exception {
        String defs = "Choice = $CHOICE(1,alpha,beta,gamma)\nINDEX = 2\nLIST = a, b, c\nChoiceList = $CHOICE(INDEX,LIST)\n";
        assertEquals("beta", value(defs, "Choice"));
        assertEquals("c", value(defs, "ChoiceList"));
        assertThrows(ConfigException.class, () -> value("X = $CHOICE(5,a,b)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $CHOICE(0,NO_SUCH_LIST)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $CHOICE(-1,a,b)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $CHOICE(1)\n", "X"));
    }

    @Test
    void randomChoiceAndInteger() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            CondorConfig c = ConfigFixture.loadText(dir, "L = x y z\nA = $RANDOM_CHOICE(L)\nB = $RANDOM_INTEGER(10,20,5)\n");
            String a = c.get("A").orElseThrow();
            assertTrue(Set.of("x", "y", "z").contains(a), a);
            assertTrue(Set.of("10", "15", "20").contains(c.get("B").orElseThrow()));
            seen.add(a);
        }
        assertTrue(seen.size() > 1, "always the same choice: " + seen);
        assertThrows(ConfigException.class, () -> value("X = $RANDOM_INTEGER(5,1)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $RANDOM_INTEGER(a,b)\n", "X"));
        assertThrows(ConfigException.class, () -> value("X = $RANDOM_INTEGER(1,5,0)\n", "X"));
        assertThrows(ConfigException.class,
                () -> value("X = $RANDOM_INTEGER(-9223372036854775808,9223372036854775807)\n", "X"));
    }

    @Test
    void fileNameParts() throws Exception {
        String defs = "Path = /opt/condor/etc/file.tar.gz\nQuotedPath = \"/a b/c.d\"\n";
        String[][] cases = {
            {"$BASENAME(Path)", "file.tar.gz"}, {"$DIRNAME(Path)", "/opt/condor/etc/"},
            {"$Fn(Path)", "file.tar"}, {"$Fx(Path)", ".gz"}, {"$Fxb(Path)", "gz"},
            {"$Fpn(Path)", "/opt/condor/etc/file.tar"}, {"$Fp(Path)", "/opt/condor/etc/"},
            {"$Fpb(Path)", "/opt/condor/etc"}, {"$Fd(Path)", "etc/"}, {"$Fdd(Path)", "condor/etc/"},
            {"$Fdn(Path)", "etc/file.tar"}, {"$Fqnx(Path)", "\"file.tar.gz\""},
            {"$Faq(Path)", "'/opt/condor/etc/file.tar.gz'"}, {"$Fw(Path)", "\\opt\\condor\\etc\\file.tar.gz"},
            {"$Fqp(QuotedPath)", "\"/a b/\""}, {"$Fn(QuotedPath)", "c"}, {"$Fp(plain.txt)", ""},
            {"$Fn(plain.txt)", "plain"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], value(defs + "X = " + c[0] + "\n", "X"), c[0]);
        }
    }

    @Test
    void classAdFunctionsKeepLiteralsAndWarnAboutExpressions() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "Q = \"quoted\"\nS = $STRING(Q)\nE = $EVAL(Q)\nN = $EVAL(42)\n"
                + "X = $EVAL(1 + 2)\n");
        assertEquals("quoted", c.get("S").orElseThrow());
        assertEquals("quoted", c.get("E").orElseThrow());
        assertEquals("42", c.get("N").orElseThrow());
        assertEquals("1 + 2", c.get("X").orElseThrow());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("$EVAL(1 + 2)")), c.warnings().toString());
    }
}
