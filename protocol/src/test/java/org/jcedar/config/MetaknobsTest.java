package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * use CATEGORY:NAME with the metaknobs of 23.x and 25.x (their texts are checked against the real tool by
 * CondorConfigValComparisonTest; the effects here were observed with condor_config_val 23.9.6 and 25.14.1).
 */
class MetaknobsTest {
    @TempDir
    Path dir;

    private CondorConfig load(String text, HtcondorVersion version) throws ConfigException {
        ConfigFixture f = new ConfigFixture(dir).config(text);
        f.builder().version(version);
        return f.load();
    }

    @Test
    void recommendedV9SetsTheStockSecurityPolicy() throws Exception {
        CondorConfig c = load("use security:recommended_v9_0\n", HtcondorVersion.V23_9_6);
        assertEquals("9.0", c.get("SECURITY_MODEL").orElseThrow());
        for (String level : new String[] {"AUTHENTICATION", "ENCRYPTION", "INTEGRITY"}) {
            assertEquals("required", c.get("SEC_DEFAULT_" + level).orElseThrow());
            assertEquals("OPTIONAL", c.get("SEC_READ_" + level).orElseThrow());
        }
        assertEquals("condor@* condor_pool@* root@*", c.get("ALLOW_ADMINISTRATOR").orElseThrow());
        assertEquals("condor@*  condor_pool@*", c.get("ALLOW_DAEMON").orElseThrow());
        assertEquals("*", c.get("ALLOW_WRITE").orElseThrow());
    }

    @Test
    void argumentsFillTheNumberedPlaces() throws Exception {
        CondorConfig c = load("use security:recommended_v9_0(pooluser, admin@example.org, extra1, extra2)\n",
                HtcondorVersion.V23_9_6);
        assertEquals("pooluser@* condor_pool@* admin@example.org extra1, extra2",
                c.get("ALLOW_ADMINISTRATOR").orElseThrow());
        assertEquals("pooluser@*  condor_pool@*", c.get("ALLOW_DAEMON").orElseThrow());
    }

    @Test
    void recommendedExistsFrom24On() throws Exception {
        CondorConfig c25 = load("use security:recommended\n", HtcondorVersion.V25_14_1);
        assertEquals("24.0", c25.get("SECURITY_MODEL").orElseThrow());
        assertEquals("OPTIONAL", c25.get("SEC_CLIENT_AUTHENTICATION").orElseThrow());
        assertEquals("condor@* condor@password root@*", c25.get("ALLOW_ADMINISTRATOR").orElseThrow());
        CondorConfig c23 = load("use security:recommended\n", HtcondorVersion.V23_9_6);
        assertEquals(Optional.empty(), c23.get("SECURITY_MODEL"));
        assertTrue(c23.warnings().stream().anyMatch(w -> w.contains("security:recommended")), c23.warnings().toString());
    }

    @Test
    void packagedSidConfigurationPicksByVersion() throws Exception {
        String text = "if version >= 23.10.0\n    use security:recommended\nelse\n    use security:recommended_v9_0\nendif\n";
        assertEquals("24.0", load(text, HtcondorVersion.V25_14_1).get("SECURITY_MODEL").orElseThrow());
        assertEquals("9.0", load(text, HtcondorVersion.V23_9_6).get("SECURITY_MODEL").orElseThrow());
    }

    @Test
    void userBasedDependsOnWhetherTheProcessIsAdmin() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).config("CONDOR_HOST = cm.example.org\nuse security:user_based\n");
        f.builder().version(HtcondorVersion.V23_9_6).privileged(false);
        assertEquals("alice@cm.example.org", f.load().get("ALLOW_ADMINISTRATOR").orElseThrow());
        f.builder().privileged(true);
        assertEquals("condor@cm.example.org", f.load().get("ALLOW_ADMINISTRATOR").orElseThrow());
        f.builder().version(HtcondorVersion.V25_14_1).privileged(false);
        CondorConfig c25 = f.load();
        assertEquals("alice@node7", c25.get("ALLOW_WRITE").orElseThrow());
        assertEquals("alice@* condor@password root@*", c25.get("ALLOW_ADMINISTRATOR").orElseThrow());
    }

    @Test
    void rolesInAList() throws Exception {
        CondorConfig c = load("use role : Personal, Submit\n", HtcondorVersion.V25_14_1);
        assertEquals("MASTER COLLECTOR NEGOTIATOR STARTD SCHEDD SCHEDD", c.get("DAEMON_LIST").orElseThrow());
        assertEquals("127.0.0.1:0", c.get("COLLECTOR_HOST").orElseThrow());
    }

    @Test
    void trailingSeparatorAppliesTheLastMetaknobAgain() throws Exception {
        CondorConfig c = load("use ROLE: Submit,\n", HtcondorVersion.V23_9_6);
        assertEquals("MASTER SCHEDD SCHEDD", c.get("DAEMON_LIST").orElseThrow());
    }

    @Test
    void aNameWithoutArgumentsReusesThePreviousArguments() {
        assertEquals(new MetaknobUse("B", "x"), MetaknobUse.parseList("A(x), B").get(1));
        assertEquals(new MetaknobUse("A", "f(1,[2,3])"), MetaknobUse.parseList("A (f(1,[2,3]))").get(0));
    }

    @Test
    void featureArgumentsAndNestedUse() throws Exception {
        CondorConfig c = load("SETTABLE_ATTRS_CONFIG = base\nuse feature:remote_config(SEC_TOKEN_DIRECTORY, X)\n",
                HtcondorVersion.V23_9_6);
        assertEquals("True", c.get("ENABLE_PERSISTENT_CONFIG").orElseThrow());
        assertEquals("base SEC_TOKEN_DIRECTORY, X", c.get("SETTABLE_ATTRS_CONFIG").orElseThrow());
    }

    @Test
    void unknownMetaknobsAreWarnings() throws Exception {
        CondorConfig c = load("use security:no_such_thing\nuse nosuchcategory:x\nuse FEATURE:GPUs\nA = 1\n",
                HtcondorVersion.V23_9_6);
        assertEquals("1", c.get("A").orElseThrow());
        assertEquals(3, c.warnings().size(), c.warnings().toString());
    }

    @Test
    void useWithoutCategoryIsAnError() {
        assertThrows(ConfigException.class, () -> load("use : strong\n", HtcondorVersion.V23_9_6));
    }

    @Test
    void autoUseAppliesAMetaknobWhenItsConditionHolds() throws Exception {
        CondorConfig c = load("AUTO_USE_ROLE_Execute = yes\nAUTO_USE_ROLE_Submit = false\n", HtcondorVersion.V23_9_6);
        assertEquals("MASTER STARTD", c.get("DAEMON_LIST").orElseThrow());
    }

    @Test
    void builtInAutoUseForTheSchedd() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).subsystem("SCHEDD").config("A = 1\n");
        f.builder().version(HtcondorVersion.V25_14_1);
        assertEquals(" PelicanRetry", f.load().get("JOB_TRANSFORM_NAMES").orElseThrow());
        f.builder().version(HtcondorVersion.V23_9_6);
        assertEquals(Optional.empty(), f.load().get("JOB_TRANSFORM_NAMES"));
    }
}
