package org.jcedar.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jcedar.address.SinfulAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daemon::locate's local part and its address forms, without a daemon: the files a local schedd writes, the
 * addresses -name and -pool take, and the collector's configured address. (Collector queries run against real
 * HTCondor in integration-tests.)
 */
class DaemonLocatorTest {
    private static final long USER = 65534;
    private static final String SCHEDD_AD = "MyType = \"Scheduler\"\nName = \"s@h\"\n"
            + "MyAddress = \"<10.0.0.1:1?addrs=10.0.0.1-1>\"\nScheddIpAddr = \"<127.0.0.1:4242?addrs=127.0.0.1-4242>\"\n"
            + "CondorVersion = \"$CondorVersion: 25.14.1 2026-10-16 $\"\nMachine = \"h\"\n";

    @TempDir
    Path dir;

    private DaemonLocator locator(Map<String, String> knobs, long uid) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("NETWORK_HOSTNAME", "localhost"));
        all.putAll(knobs);
        ClientConfiguration config = knob -> Optional.ofNullable(all.get(knob));
        ClientProcess process = new ClientProcess(uid, "nobody", dir, 1);
        return CondorClient.fromConfiguration(config, process, EcdhKeyPairs.onDemand(new SecureRandom()), Trace.NONE)
                .locator();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void theDaemonAdFileComesFirstAndItsOwnAddressAttributeBeforeMyAddress() throws Exception {
        Map<String, String> knobs = Map.of("SCHEDD_DAEMON_AD_FILE", file("ad", SCHEDD_AD).toString(),
                "SCHEDD_ADDRESS_FILE", file("address", "<127.0.0.1:9999>\n$CondorVersion: x $\n").toString());
        DaemonLocation location = locator(knobs, USER).locate(DaemonType.SCHEDD, Optional.empty(), Optional.empty());
        assertEquals("<127.0.0.1:4242?addrs=127.0.0.1-4242>", location.address().toString());
        assertEquals(Optional.of("s@h"), location.name());
        assertEquals("s@h", locator(knobs, USER).localDaemonName(DaemonType.SCHEDD));
    }

    @Test
    void theAddressFileServesWhenTheAdFileIsMissingOrHasNoAddress() throws Exception {
        Path address = file("address", "<127.0.0.1:9999?sock=schedd_1_2>\n$CondorVersion: x $\n$CondorPlatform: y $\n");
        for (String ad : new String[] {dir.resolve("missing").toString(), file("empty-ad", "Name = \"s@h\"\n").toString(),
                file("bad-ad", "this is not an ad\n").toString()}) {
            DaemonLocation location = locator(Map.of("SCHEDD_DAEMON_AD_FILE", ad, "SCHEDD_ADDRESS_FILE",
                    address.toString()), USER).locate(DaemonType.SCHEDD, Optional.empty(), Optional.empty());
            assertEquals("<127.0.0.1:9999?sock=schedd_1_2>", location.address().toString(), ad);
        }
    }

    @Test
    void rootReadsOnlyTheSuperUserAddressFile() throws Exception {
        Map<String, String> knobs = Map.of("SCHEDD_DAEMON_AD_FILE", file("ad", SCHEDD_AD).toString(),
                "SCHEDD_ADDRESS_FILE", file("address", "<127.0.0.1:9999>\n").toString(),
                "SCHEDD_SUPER_ADDRESS_FILE", file("super", "<127.0.0.1:8888>\n").toString());
        assertEquals("<127.0.0.1:8888>", locator(knobs, 0).locate(DaemonType.SCHEDD, Optional.empty(),
                Optional.empty()).address().toString());
        Map<String, String> superPort = new HashMap<>(knobs);
        superPort.put("USE_SUPER_PORT", "true");
        assertEquals("<127.0.0.1:8888>", locator(superPort, USER).locate(DaemonType.SCHEDD, Optional.empty(),
                Optional.empty()).address().toString());
    }

    @Test
    void withoutLocalFilesOrCollectorNothingIsFound() throws Exception {
        Map<String, String> knobs = Map.of("SCHEDD_ADDRESS_FILE", file("address", "not an address\n").toString());
        LocateException e = assertThrows(LocateException.class,
                () -> locator(knobs, USER).locate(DaemonType.SCHEDD, Optional.empty(), Optional.empty()));
        assertEquals("COLLECTOR address or hostname not specified in config file", e.getMessage());
    }

    @Test
    void aNameWithAPortOrASinfulIsTheAddress() throws Exception {
        DaemonLocator locator = locator(Map.of(), USER);
        assertEquals("<127.0.0.1:4242>", locator.locate(DaemonType.SCHEDD, Optional.of("127.0.0.1:4242"),
                Optional.empty()).address().toString());
        assertEquals("<[::1]:4242>", locator.locate(DaemonType.MASTER, Optional.of("[::1]:4242"), Optional.empty())
                .address().toString());
        assertEquals("<127.0.0.1:1?sock=x>", locator.locate(DaemonType.SCHEDD, Optional.of("<127.0.0.1:1?sock=x>"),
                Optional.empty()).address().toString());
        String byHostName = locator.locate(DaemonType.SCHEDD, Optional.of("localhost:4242"),
                Optional.of(SinfulAddress.parse("<127.0.0.1:1>"))).address().toString();
        assertTrue(byHostName.matches("<(127\\.0\\.0\\.1|\\[::1\\]):4242\\?alias=localhost>"), byHostName);
        LocateException bad = assertThrows(LocateException.class,
                () -> locator.locate(DaemonType.SCHEDD, Optional.of("<127.0.0.1:1"), Optional.empty()));
        assertTrue(bad.getMessage().startsWith("invalid daemon address <127.0.0.1:1: "), bad.getMessage());
    }

    @Test
    void collectorsComeFromThePoolOrCollectorHost() throws Exception {
        DaemonLocator configured = locator(Map.of("COLLECTOR_HOST", "127.0.0.1:9620, 127.0.0.2"), USER);
        assertEquals("<127.0.0.1:9620>", configured.locate(DaemonType.COLLECTOR, Optional.empty(), Optional.empty())
                .address().toString());
        assertEquals("<127.0.0.3:9618>", configured.collector("127.0.0.3").toString());
        assertEquals("<127.0.0.3:9700>", locator(Map.of("COLLECTOR_PORT", "9700"), USER).collector("127.0.0.3")
                .toString());
        assertEquals("<127.0.0.1:7777?sock=collector>", configured.collector("<127.0.0.1:7777?sock=collector>")
                .toString());
        Path collectorAddress = file("collector_address", "<127.0.0.1:5555>\n");
        assertEquals("<127.0.0.1:5555>", locator(Map.of("COLLECTOR_HOST", "127.0.0.1:0", "COLLECTOR_ADDRESS_FILE",
                collectorAddress.toString()), USER).locate(DaemonType.COLLECTOR, Optional.empty(), Optional.empty())
                .address().toString());
        assertEquals("<127.0.0.1:9621>", locator(Map.of("COLLECTOR_HOST", "127.0.0.1:9620",
                "CONDOR_VIEW_HOST", "127.0.0.1:9621"), USER).locate(DaemonType.VIEW_COLLECTOR, Optional.empty(),
                Optional.empty()).address().toString());
        assertThrows(LocateException.class, () -> configured.collector("<127.0.0.1"));
    }

    @Test
    void genericDaemonsCannotBeLocatedByTypeAlone() throws Exception {
        LocateException e = assertThrows(LocateException.class,
                () -> locator(Map.of(), USER).locate(DaemonType.GENERIC, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("without its subsystem"), e.getMessage());
    }

    @Test
    void daemonTypesAreHtcondorsNamesInAnyCase() {
        assertEquals(Optional.of(DaemonType.SCHEDD), DaemonType.parse("SchedD"));
        assertEquals(Optional.of(DaemonType.CLUSTER), DaemonType.parse("cluster_server"));
        assertEquals(Optional.empty(), DaemonType.parse("cluster"));
        assertEquals(Optional.empty(), DaemonType.parse("transferd"));
        assertEquals(Optional.empty(), DaemonType.parse(" schedd"));
        assertEquals(8, DaemonType.DAGMAN.number());
        assertEquals(DaemonType.Locate.UNSUPPORTED, DaemonType.LEASE_MANAGER.locate());
    }
}
