package org.jcedar.it.real;

import static org.jcedar.it.real.RealPool.ROOT;
import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/** Proves the harness against real HTCondor: pools start, real tools reach them, files and users cross over. */
class RealHtcondorHarnessTest {

    /** A trust domain of its own shows that options reach the pool's configuration. */
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("harness.jcedar.test");

    @RealHtcondorTest
    void condorStatusListsThePoolsScheddAtTheAddressItsAddressFileNames(RealHtcondor htcondor) {
        RealPool pool = htcondor.sharedPool(OPTIONS);

        ExecResult status = pool.exec(UNPRIVILEGED_USER, "condor_status", "-schedd", "-af", "Name", "MyAddress");

        assertTrue(status.succeeded(), status::describe);
        assertEquals("localhost " + pool.scheddAddress(), status.stdout().strip(), status::describe);
        assertTrue(pool.collectorAddress().startsWith("<127.0.0.1:" + pool.collectorPort() + "?"),
                pool.collectorAddress());
    }

    @RealHtcondorTest
    void condorPingReachesThePoolsScheddAsTheUnprivilegedUser(RealHtcondor htcondor) {
        RealPool pool = htcondor.sharedPool(OPTIONS);

        ExecResult ping = pool.exec(UNPRIVILEGED_USER, "condor_ping", "-type", "schedd", "-verbose", "READ");

        assertTrue(ping.succeeded(), ping::describe);
        assertLine(ping, "Remote Version:\\s+\\$CondorVersion: " + Pattern.quote(htcondor.version()) + " .*");
        assertLine(ping, "Authorized:\\s+TRUE");
    }

    @RealHtcondorTest
    void theScheddAuthenticatesTheUnprivilegedUserByFs(RealHtcondor htcondor) {
        RealPool pool = htcondor.sharedPool(OPTIONS);

        // WRITE, because 25.x does not authenticate READ from tools by default.
        ExecResult ping = pool.exec(UNPRIVILEGED_USER, "condor_ping", "-type", "schedd", "-verbose", "WRITE");

        assertTrue(ping.succeeded(), ping::describe);
        assertLine(ping, "Authenticated using:\\s+FS");
        assertLine(ping, "Remote Mapping:\\s+" + Pattern.quote(UNPRIVILEGED_USER + "@" + pool.trustDomain()));
    }

    @RealHtcondorTest
    void genkeyMakesASigningKeyThatRealHtcondorSignsWith(RealHtcondor htcondor, @TempDir Path tmp) throws IOException {
        RealPool pool = htcondor.sharedPool(OPTIONS);

        Path key = pool.genkey("harness");
        ExecResult token = pool.exec(ROOT, "condor_token_create", "-key", "harness",
                "-identity", "alice@" + pool.trustDomain());

        assertEquals(pool.passwordsDirectory().resolve("harness"), key);
        assertEquals(64, Files.size(key));
        assertTrue(token.succeeded(), token::describe);
        String header = new String(Base64.getUrlDecoder().decode(token.stdout().strip().split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\":\"harness\""), header);
        Path copied = tmp.resolve("harness");
        pool.copyOut(pool.directoryInChroot() + "/etc/passwords.d/harness", copied);
        assertArrayEquals(Files.readAllBytes(key), Files.readAllBytes(copied));
    }

    @RealHtcondorTest
    void aTokenCopiedInForTheUnprivilegedUserAuthenticatesThem(RealHtcondor htcondor, @TempDir Path tmp)
            throws IOException {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        ExecResult token = pool.exec(ROOT, "condor_token_create", "-identity", "alice@" + pool.trustDomain());
        assertTrue(token.succeeded(), token::describe);
        Path tokenFile = Files.writeString(tmp.resolve("alice"), token.stdout());
        String tokenDirectory = pool.directoryInChroot() + "/tokens-of-" + UNPRIVILEGED_USER;

        // HTCondor ignores a token file that is not owned by the client user with mode 0600.
        pool.copyIn(tokenFile, tokenDirectory + "/alice", UNPRIVILEGED_USER, "0600");
        ExecResult ping = pool.exec(UNPRIVILEGED_USER, Map.of(
                        "_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS",
                        "_CONDOR_SEC_TOKEN_DIRECTORY", tokenDirectory),
                "condor_ping", "-type", "schedd", "-verbose", "WRITE");

        assertTrue(ping.succeeded(), ping::describe);
        assertLine(ping, "Remote Mapping:\\s+" + Pattern.quote("alice@" + pool.trustDomain()));
    }

    @RealHtcondorTest
    void sharingTheHostsTmpShowsItsFilesInTheChroot(RealHtcondor htcondor) throws IOException {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        String content = UUID.randomUUID().toString();
        Path file = Files.writeString(Files.createTempFile(Path.of("/tmp"), "jcedar-share-tmp-", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))), content);
        try {
            htcondor.shareHostTmp();

            ExecResult cat = pool.exec(UNPRIVILEGED_USER, "cat", "/tmp/" + file.getFileName());

            assertTrue(cat.succeeded(), cat::describe);
            assertEquals(content, cat.stdout());
        } finally {
            Files.delete(file);
        }
    }

    private static void assertLine(ExecResult result, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertTrue(result.stdout().lines().anyMatch(line -> pattern.matcher(line).matches()),
                () -> "no line matches " + regex + "\n" + result.describe());
    }
}
