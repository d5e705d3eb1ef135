package org.jcedar.it.mock;

import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.PoolOptions;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.it.real.RealPool;
import org.jcedar.keys.UnverifiedToken;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock as the local schedd: with SCHEDD_ADDRESS_FILE (and SCHEDD_DAEMON_AD_FILE, which 23.x tools read
 * first) in its configuration it writes its address there, and real tools configured with the same files find it
 * with no -pool and no -name. The files are in the host's /tmp, which the chroot shares: the tools' view of the
 * host. The mock signs with a key of its own, so its tokens cannot be the pool schedd's.
 */
class MockLocalScheddInteropTest {
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("local.jcedar.test")
            .withSharedHostTmp();

    @RealHtcondorTest
    void toolsFindTheMockAsTheLocalSchedd(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        Path spool = Files.createTempDirectory(Path.of("/tmp"), "jcedar-local-schedd-");
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path addressFile = spool.resolve(".schedd_address");
        Path adFile = spool.resolve(".schedd_classad");
        try {
            byte[] ownKey = new byte[64];
            new java.security.SecureRandom().nextBytes(ownKey);
            MockBesidePool.copyKeys(pool, keys);
            try (MockDaemon mock = MockDaemon.builder().configFile(pool.directory().resolve("pool.config"))
                    .passwordDirectory(keys).set("SEC_TOKEN_POOL_SIGNING_KEY_FILE", keys.resolve("POOL").toString())
                    .signingKey("MOCKONLY", ownKey).set("SEC_TOKEN_ISSUER_KEY", "MOCKONLY")
                    .set("SCHEDD_ADDRESS_FILE", addressFile.toString())
                    .set("SCHEDD_DAEMON_AD_FILE", adFile.toString()).start()) {
                assertEquals(mock.sinfulAddress(), Files.readAllLines(addressFile).get(0));
                Map<String, String> local = Map.of("_CONDOR_SCHEDD_ADDRESS_FILE", addressFile.toString(),
                        "_CONDOR_SCHEDD_DAEMON_AD_FILE", adFile.toString());

                ExecResult fetch = pool.exec(UNPRIVILEGED_USER, local, "condor_token_fetch", "-lifetime", "60")
                        .requireSuccess();
                ExecResult ping = pool.exec(UNPRIVILEGED_USER, local, "condor_ping", "-type", "schedd", "-verbose",
                        "WRITE").requireSuccess();

                assertEquals(Optional.of("MOCKONLY"), UnverifiedToken.parse(fetch.stdout().strip()).keyId());
                assertTrue(ping.stdout().contains("BuildID: jcedar-"), ping::describe);
                assertTrue(ping.stdout().contains("Authorized:                  TRUE"), ping::describe);

                // Without the daemon ad file the tools fall back to the address file.
                Files.delete(adFile);
                ExecResult fallback = pool.exec(UNPRIVILEGED_USER, local, "condor_token_fetch", "-lifetime", "60")
                        .requireSuccess();
                assertEquals(Optional.of("MOCKONLY"), UnverifiedToken.parse(fallback.stdout().strip()).keyId());
            }
            assertFalse(Files.exists(addressFile), "the mock removes its address file when it stops");
        } finally {
            Files.deleteIfExists(addressFile);
            Files.deleteIfExists(adFile);
            Files.deleteIfExists(spool);
        }
    }
}
