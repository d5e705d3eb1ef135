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
 * Look-ups: subsystem and local-name prefixes, detected values, the built-in defaults the token tools use, and
 * the typed getters (defaults checked against the real tool by CondorConfigValComparisonTest).
 */
class CondorConfigTest {
    @TempDir
    Path dir;

    @Test
    void prefixesWinForTheirSubsystemAndLocalName() throws Exception {
        String text = "Prefixed = everyone\nTOOL.Prefixed = tools\nSCHEDD.Prefixed = schedds\nSECOND.Prefixed = second\n"
                + "Uses = [$(Prefixed)]\n";
        CondorConfig tool = ConfigFixture.loadText(dir, text);
        assertEquals("tools", tool.get("Prefixed").orElseThrow());
        assertEquals("[tools]", tool.get("Uses").orElseThrow());
        assertEquals("schedds", tool.get("SCHEDD.Prefixed").orElseThrow());
        ConfigFixture f = new ConfigFixture(dir).subsystem("SCHEDD").config(text);
        assertEquals("schedds", f.load().get("prefixed").orElseThrow());
        f.builder().localName("second");
        CondorConfig second = f.load();
        assertEquals("second", second.get("Prefixed").orElseThrow());
        assertEquals("second", second.get("LOCALNAME").orElseThrow());
        assertEquals("SCHEDD", second.get("SUBSYSTEM").orElseThrow());
    }

    @Test
    void detectedValues() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).config("Config = $(CONFIG_ROOT)\n");
        f.builder().condorHome(Path.of("/var/lib/condor")).ipv4Address("192.0.2.2").ipv6Address("fd00::2");
        CondorConfig c = f.load();
        assertEquals("node7", c.get("HOSTNAME").orElseThrow());
        assertEquals("node7", c.get("FULL_HOSTNAME").orElseThrow());
        assertEquals("alice", c.get("USERNAME").orElseThrow());
        assertEquals("/var/lib/condor", c.get("TILDE").orElseThrow());
        assertEquals("false", c.get("CondorIsAdmin").orElseThrow());
        assertEquals("TOOL", c.get("SUBSYSTEM").orElseThrow());
        assertEquals("TOOL", c.get("LOCALNAME").orElseThrow());
        assertEquals(dir.toString(), c.get("Config").orElseThrow());
        assertEquals("192.0.2.2", c.get("IP_ADDRESS").orElseThrow());
        assertEquals("fd00::2", c.get("IPV6_ADDRESS").orElseThrow());
        assertEquals("node7", c.get("UID_DOMAIN").orElseThrow());
        assertEquals("node7", c.get("TRUST_DOMAIN").orElseThrow());
    }

    @Test
    void hostNamesFollowNetworkHostnameAndDefaultDomain() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "DEFAULT_DOMAIN_NAME = example.org\n");
        assertEquals("node7", c.get("HOSTNAME").orElseThrow());
        assertEquals("node7.example.org", c.get("FULL_HOSTNAME").orElseThrow());
        CondorConfig n = ConfigFixture.loadText(dir, "NETWORK_HOSTNAME = ap.pool.example\nDEFAULT_DOMAIN_NAME = x\n");
        assertEquals("ap", n.get("HOSTNAME").orElseThrow());
        assertEquals("ap.pool.example", n.get("FULL_HOSTNAME").orElseThrow());
        assertEquals("ap.pool.example", n.get("TRUST_DOMAIN").orElseThrow());
    }

    @Test
    void detectedValuesCannotBeOverridden() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "USERNAME = mallory\nHOSTNAME = elsewhere\nUID_DOMAIN =\n");
        assertEquals("alice", c.get("USERNAME").orElseThrow());
        assertEquals("node7", c.get("HOSTNAME").orElseThrow());
        assertEquals("node7", c.get("UID_DOMAIN").orElseThrow());
    }

    @Test
    void tokenDefaultsOfBothSeries() throws Exception {
        for (HtcondorVersion v : List.of(HtcondorVersion.V23_9_6, HtcondorVersion.V25_14_1)) {
            ConfigFixture f = new ConfigFixture(dir).config("A = 1\n");
            f.builder().version(v).condorHome(Path.of("/var/lib/condor"));
            CondorConfig c = f.load();
            assertEquals(Optional.empty(), c.get("SEC_TOKEN_DIRECTORY"), v.toString());
            assertEquals("/var/lib/condor/tokens.d", c.get("SEC_TOKEN_SYSTEM_DIRECTORY").orElseThrow());
            assertEquals("/var/lib/condor/passwords.d", c.get("SEC_PASSWORD_DIRECTORY").orElseThrow());
            assertEquals("/var/lib/condor/passwords.d/POOL", c.get("SEC_PASSWORD_FILE").orElseThrow());
            assertEquals("/var/lib/condor/passwords.d/POOL", c.get("SEC_TOKEN_POOL_SIGNING_KEY_FILE").orElseThrow());
            assertEquals(List.of("POOL", "AP"), c.getList("SEC_TOKEN_FETCH_ALLOWED_SIGNING_KEYS"));
            assertEquals("POOL", c.get("SEC_TOKEN_ISSUER_KEY").orElseThrow());
            assertEquals("/var/lib/condor/spool/.schedd_address", c.get("SCHEDD_ADDRESS_FILE").orElseThrow());
            assertEquals("/var/lib/condor/spool/.schedd_classad", c.get("SCHEDD_DAEMON_AD_FILE").orElseThrow());
            assertEquals("/var/lib/condor/log/.collector_address", c.get("COLLECTOR_ADDRESS_FILE").orElseThrow());
            assertEquals("/var/lib/condor/log", c.get("RUN").orElseThrow());
            assertEquals(9618, c.getLong("COLLECTOR_PORT", 0));
            assertEquals(Optional.empty(), c.get("COLLECTOR_HOST"));
            assertEquals(List.of("FS", "IDTOKENS", "KERBEROS", "SCITOKENS", "SSL"),
                    c.getList("SEC_DEFAULT_AUTHENTICATION_METHODS"));
            assertTrue(c.getBoolean("SEC_ENABLE_TOKEN_FETCH", false));
            assertEquals(Optional.empty(), c.get("TOOL_DEBUG"));
            assertEquals(Optional.empty(), c.get("SEC_DEFAULT_CRYPTO_METHODS"));
            assertTrue(c.get("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP").orElseThrow().startsWith("^((\\..*)|"));
        }
    }

    @Test
    void claimToBeIncludesTheDomainFrom24On() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).config("A = 1\n");
        f.builder().version(HtcondorVersion.V23_9_6);
        assertFalse(f.load().getBoolean("SEC_CLAIMTOBE_INCLUDE_DOMAIN", true));
        f.builder().version(HtcondorVersion.V25_14_1);
        assertTrue(f.load().getBoolean("SEC_CLAIMTOBE_INCLUDE_DOMAIN", false));
    }

    @Test
    void withoutCondorAccountThePathsAreRelativeToNothing() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "A = 1\n");
        assertEquals("/tokens.d", c.get("SEC_TOKEN_SYSTEM_DIRECTORY").orElseThrow());
        assertEquals(Optional.empty(), c.get("LOCAL_DIR"));
    }

    @Test
    void booleans() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "T1 = true\nT2 = TRUE  \nT3 = 1\nF1 = False\nF2 = 0\n"
                + "Bad = yes\nBad2 = truely\nEmpty =\n");
        for (String t : new String[] {"T1", "T2", "T3"}) {
            assertTrue(c.getBoolean(t, false), t);
        }
        for (String f : new String[] {"F1", "F2"}) {
            assertFalse(c.getBoolean(f, true), f);
        }
        assertTrue(c.getBoolean("Empty", true));
        assertFalse(c.getBoolean("Undefined", false));
        ConfigException e = assertThrows(ConfigException.class, () -> c.getBoolean("Bad", true));
        assertEquals(6, e.line());
        assertThrows(ConfigException.class, () -> c.getBoolean("Bad2", true));
    }

    @Test
    void longs() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "N = 42\nNeg = -7 \nPlus = +3\nBad = 4x\nHuge = 99999999999999999999\n");
        assertEquals(42, c.getLong("N", 0));
        assertEquals(-7, c.getLong("Neg", 0));
        assertEquals(3, c.getLong("Plus", 0));
        assertEquals(5, c.getLong("Undefined", 5));
        assertThrows(ConfigException.class, () -> c.getLong("Bad", 0));
        assertThrows(ConfigException.class, () -> c.getLong("Huge", 0));
    }

    @Test
    void lists() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "L = a, b  c,,d\n");
        assertEquals(List.of("a", "b", "c", "d"), c.getList("L"));
        assertEquals(List.of(), c.getList("Undefined"));
        assertEquals("fallback", c.get("Undefined", "fallback"));
        assertEquals("a, b  c,,d", c.get("L", "fallback"));
    }

    @Test
    void configuredNamesListWhatTheSourcesSet() throws Exception {
        CondorConfig c = ConfigFixture.loadText(dir, "Zeta = 1\nalpha = 2\n");
        List<String> names = c.configuredNames();
        assertTrue(names.containsAll(List.of("alpha", "Zeta", "USERNAME", "FULL_HOSTNAME")), names.toString());
        assertTrue(names.indexOf("alpha") < names.indexOf("Zeta"));
        assertFalse(names.contains("SEC_TOKEN_ISSUER_KEY"));
    }

    @Test
    void versionsParseAndCompare() {
        assertEquals(Optional.of(HtcondorVersion.V23_9_6), HtcondorVersion.parse(" 23.9.6 "));
        assertEquals(Optional.empty(), HtcondorVersion.parse("5.1.0"));
        assertEquals(Optional.empty(), HtcondorVersion.parse("23.100.1"));
        assertEquals(Optional.empty(), HtcondorVersion.parse("23.9"));
        assertTrue(HtcondorVersion.V23_9_6.compareTo(HtcondorVersion.V25_14_1) < 0);
        assertEquals(23_009_006L, HtcondorVersion.V23_9_6.scalar());
        assertThrows(IllegalArgumentException.class, () -> new HtcondorVersion(23, 100, 0));
    }
}
