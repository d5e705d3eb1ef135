package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which sources are read, in which order: CONDOR_CONFIG or the standard places, LOCAL_CONFIG_DIR,
 * LOCAL_CONFIG_FILE, the user config, the environment (the order observed with condor_config_val -config and
 * compared with the real tool by CondorConfigValComparisonTest).
 */
class ConfigSourcesTest {
    @TempDir
    Path dir;

    @Test
    void condorConfigMustNameAnExistingFile() {
        ConfigFixture missing = new ConfigFixture(dir).env("CONDOR_CONFIG", dir.resolve("nope").toString());
        assertTrue(assertThrows(ConfigException.class, missing::load).getMessage().contains("does not exist"));
        ConfigFixture directory = new ConfigFixture(dir).env("CONDOR_CONFIG", dir.toString());
        assertTrue(assertThrows(ConfigException.class, directory::load).getMessage().contains("directory"));
        ConfigFixture command = new ConfigFixture(dir).env("CONDOR_CONFIG", "/bin/generate-config |");
        assertTrue(assertThrows(ConfigException.class, command::load).getMessage().contains("command"));
    }

    @Test
    void relativeCondorConfigIsTakenFromTheWorkingDirectory() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).env("CONDOR_CONFIG", "sub/my.conf");
        f.write("sub/my.conf", "Root = $(CONFIG_ROOT)\n");
        assertEquals("sub", f.load().get("Root").orElseThrow());
    }

    @Test
    void onlyEnvReadsNoFiles() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).env("CONDOR_CONFIG", "only_env").env("_CONDOR_FROM_ENV", "yes")
                .env("_CONDOR_LOCAL_CONFIG_DIR", dir.toString());
        f.write("x.conf", "X = 1\n");
        CondorConfig c = f.load();
        assertEquals(List.of(), c.sourcesRead());
        assertEquals("yes", c.get("FROM_ENV").orElseThrow());
        assertEquals(Optional.empty(), c.get("CONFIG_ROOT"));
        assertEquals(Optional.empty(), c.get("X"));
    }

    @Test
    void devNullIsAnEmptyConfiguration() throws Exception {
        CondorConfig c = new ConfigFixture(dir).env("CONDOR_CONFIG", "/dev/null").load();
        assertEquals(List.of(), c.sourcesRead());
    }

    @Test
    void standardPlacesAreTriedInOrder() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).unsetEnv("CONDOR_CONFIG");
        Path second = f.write("usr/local/etc/condor_config", "Which = second\n");
        Path third = f.write("home/condor/condor_config", "Which = third\n");
        f.builder().globalConfigLocations(List.of(dir.resolve("etc/condor/condor_config"), second, third));
        assertEquals("second", f.load().get("Which").orElseThrow());
        f.builder().globalConfigLocations(List.of(dir.resolve("nothing-here")));
        assertTrue(assertThrows(ConfigException.class, f::load).getMessage().contains("CONDOR_CONFIG"));
    }

    @Test
    void standardPlacesIncludeTheCondorAccountsHome() {
        ConfigEnvironment env = ConfigEnvironment.builder("TOOL").condorHome(Path.of("/var/lib/condor")).build();
        assertEquals(List.of(Path.of("/etc/condor/condor_config"), Path.of("/usr/local/etc/condor_config"),
                Path.of("/var/lib/condor/condor_config")), env.globalConfigLocations());
    }

    @Test
    void localDirectoriesThenLocalFilesThenUserConfigThenEnvironment() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).config("""
                Order = root
                LOCAL_CONFIG_DIR = $(CONFIG_ROOT)/d1, $(CONFIG_ROOT)/d2 $(CONFIG_ROOT)/missing-dir
                LOCAL_CONFIG_FILE = $(CONFIG_ROOT)/local1.conf
                """).env("_CONDOR_Order", "$(Order) env");
        f.write("d1/b.conf", "Order = $(Order) d1/b\n");
        f.write("d1/a.conf", "Order = $(Order) d1/a\n");
        f.write("d1/Z.conf", "Order = $(Order) d1/Z\n");
        f.write("d1/a.conf~", "Order = $(Order) backup\n");
        f.write("d1/.hidden", "Order = $(Order) hidden\n");
        f.write("d1/x.rpmsave", "Order = $(Order) rpmsave\n");
        f.write("d1/sub/c.conf", "Order = $(Order) subdirectory\n");
        f.write("d2/z", "Order = $(Order) d2/z\n");
        f.write("local1.conf", "Order = $(Order) local1\nLOCAL_CONFIG_FILE = $(LOCAL_CONFIG_FILE), "
                + "$(CONFIG_ROOT)/local2.conf\nLOCAL_CONFIG_DIR = $(LOCAL_CONFIG_DIR) $(CONFIG_ROOT)/d3\n");
        f.write("local2.conf", "Order = $(Order) local2\n");
        f.write("d3/x", "Order = $(Order) d3/x\n");
        f.write("home/.condor/user_config", "Order = $(Order) user\n");
        CondorConfig c = f.load();
        // A changed LOCAL_CONFIG_DIR is read again as a whole, old directories included.
        assertEquals("root d1/Z d1/a d1/b d2/z local1 local2 d1/Z d1/a d1/b d2/z d3/x user env",
                c.get("Order").orElseThrow());
        assertEquals(List.of("condor_config", "d1/Z.conf", "d1/a.conf", "d1/b.conf", "d2/z", "local1.conf",
                "local2.conf", "d1/Z.conf", "d1/a.conf", "d1/b.conf", "d2/z", "d3/x", "home/.condor/user_config"),
                c.sourcesRead().stream().map(p -> dir.relativize(p).toString()).toList());
    }

    @Test
    void missingLocalFileIsAnErrorUnlessNotRequired() throws Exception {
        String text = "LOCAL_CONFIG_FILE = $(CONFIG_ROOT)/missing.conf\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFixture.loadText(dir, text));
        assertEquals(Optional.of(dir.resolve("missing.conf")), e.file());
        ConfigFixture.loadText(dir, text + "REQUIRE_LOCAL_CONFIG_FILE = False, please\n");
        assertThrows(ConfigException.class,
                () -> ConfigFixture.loadText(dir, text + "REQUIRE_LOCAL_CONFIG_FILE = maybe\n"));
        assertThrows(ConfigException.class,
                () -> ConfigFixture.loadText(dir, "LOCAL_CONFIG_FILE = /usr/bin/make-config |\n"));
    }

    @Test
    void excludeRegexpIsValidated() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFixture.loadText(dir,
                "LOCAL_CONFIG_DIR = $(CONFIG_ROOT)\nLOCAL_CONFIG_DIR_EXCLUDE_REGEXP = ([\n"));
        assertEquals(2, e.line());
    }

    @Test
    void userConfigOnlyForProcessesThatCannotSwitchIds() throws Exception {
        ConfigFixture f = new ConfigFixture(dir).config("A = main\n");
        f.write("home/.condor/user_config", "A = user\n");
        assertEquals("user", f.load().get("A").orElseThrow());
        f.builder().privileged(true);
        assertEquals("main", f.load().get("A").orElseThrow());
        f.builder().privileged(false);
        f.config("A = main\nUSER_CONFIG_FILE = " + dir.resolve("elsewhere.conf") + "\n");
        f.write("elsewhere.conf", "A = absolute\n");
        assertEquals("absolute", f.load().get("A").orElseThrow());
        f.config("A = main\nUSER_CONFIG_FILE = other_name\n");
        f.write("home/.condor/other_name", "A = other\n");
        assertEquals("other", f.load().get("A").orElseThrow());
    }

    @Test
    void environmentOverrides() throws Exception {
        CondorConfig c = new ConfigFixture(dir).config("Appended = file\nuse security:strong\n")
                .env("_CONDOR_FromEnvironment", "environment value")
                .env("_condor_LowerCasePrefix", "   leading spaces dropped")
                .env("_CONDOR_Appended", "$(Appended) environment")
                .env("_CONDOR_SEC_DEFAULT_ENCRYPTION", "OPTIONAL")
                .env("_CONDOR_Name With Spaces", "cut at the space")
                .env("_CONDOR_", "no name")
                .env("NOT_CONDOR", "ignored")
                .load();
        assertEquals("environment value", c.get("FromEnvironment").orElseThrow());
        assertEquals("leading spaces dropped", c.get("LowerCasePrefix").orElseThrow());
        assertEquals("file environment", c.get("Appended").orElseThrow());
        assertEquals("OPTIONAL", c.get("SEC_DEFAULT_ENCRYPTION").orElseThrow());
        assertEquals("cut at the space", c.get("Name").orElseThrow());
        assertEquals(Optional.empty(), c.get("NOT_CONDOR"));
        assertTrue(c.whereDefined("FromEnvironment").orElseThrow().contains("environment variable"));
    }

    @Test
    void fromProcessReadsThisProcess() throws Exception {
        // The build's own environment may point CONDOR_CONFIG anywhere; only check what does not depend on it.
        ConfigEnvironment env = ConfigEnvironment.ofProcess("TOOL");
        assertEquals(System.getenv(), env.environment());
        assertEquals(System.getProperty("user.name"), env.userName());
        assertEquals(Path.of("").toAbsolutePath(), env.workingDirectory());
        assertTrue(Files.isRegularFile(Path.of("/proc/sys/kernel/hostname")) || env.hostName().equals("localhost"));
    }

    @Test
    void processEnvironmentCanBeAdjusted() throws Exception {
        new ConfigFixture(dir).config("Daemon = $(SUBSYSTEM) as $(USERNAME)\n");
        CondorConfig c = CondorConfig.load(ConfigEnvironment.builderOfProcess("SCHEDD")
                .environment(java.util.Map.of("CONDOR_CONFIG", dir.resolve("condor_config").toString())).build());
        assertEquals("SCHEDD as " + System.getProperty("user.name"), c.get("Daemon").orElseThrow());
    }

    @Test
    void condorAccountHomeComesFromThePasswordFile() throws Exception {
        Path passwd = new ConfigFixture(dir).write("passwd",
                "root:x:0:0:root:/root:/bin/bash\ncondor:x:100:101::/var/lib/condor:/usr/sbin/nologin\nbroken\n");
        assertEquals(Optional.of(Path.of("/var/lib/condor")), ConfigEnvironment.homeOfAccount(passwd, "condor"));
        assertEquals(Optional.empty(), ConfigEnvironment.homeOfAccount(passwd, "nobody"));
        assertEquals(Optional.empty(), ConfigEnvironment.homeOfAccount(dir.resolve("none"), "condor"));
    }
}
