package org.jcedar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension: one daemon per class on a static field, one per test on an instance field. */
class MockDaemonExtensionTest {
    private static final ClassAd QUERY = ClassAd.builder().set("MyType", "Query").set("TargetType", "Scheduler")
            .build();

    @RegisterExtension
    static final MockDaemonExtension CLASS_DAEMON = new MockDaemonExtension(MockDaemon.builder()
            .trustDomain("extension.test").set("SCHEDD_NAME", "class@extension.test"));

    private static int portInBeforeAll;

    @BeforeAll
    static void seeTheDaemon(MockDaemon daemon) {
        portInBeforeAll = daemon.port();
    }

    @Test
    void testsOfTheClassShareTheDaemonAndGetItAsAParameter(MockDaemon daemon) throws Exception {
        assertSame(CLASS_DAEMON.daemon(), daemon);
        assertEquals(portInBeforeAll, daemon.port());
        assertEquals("extension.test", daemon.trustDomain());
        List<ClassAd> schedds = RawConnection.query(daemon, CommandNumbers.QUERY_SCHEDD_ADS, QUERY);
        assertEquals("class@extension.test", schedds.get(0).getString("Name").orElseThrow());
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final MockDaemonExtension testDaemon = new MockDaemonExtension(MockDaemon.builder()
                .set("SCHEDD_NAME", "test@extension.test"));

        @Test
        void aDaemonOnAnInstanceFieldIsTheTestsOwn() throws Exception {
            assertEquals(portInBeforeAll, CLASS_DAEMON.daemon().port(), "a nested class keeps the class's daemon");
            MockDaemon own = testDaemon.daemon();
            assertNotEquals(CLASS_DAEMON.daemon().port(), own.port());
            List<ClassAd> schedds = RawConnection.query(own, CommandNumbers.QUERY_SCHEDD_ADS, QUERY);
            assertEquals("test@extension.test", schedds.get(0).getString("Name").orElseThrow());
        }
    }
}
