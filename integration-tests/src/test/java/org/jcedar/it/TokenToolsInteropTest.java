package org.jcedar.it;

import static org.jcedar.it.real.RealPool.ROOT;
import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jcedar.cli.TokenCreateTool;
import org.jcedar.cli.TokenListTool;
import org.jcedar.cli.ToolContext;
import org.jcedar.client.ClientConfiguration;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.PoolOptions;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.it.real.RealPool;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenSigner;
import org.jcedar.keys.TokenVerifier;
import org.jcedar.keys.VerifiedToken;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's interop: tokens our condor_token_create mints authenticate to real schedds, tokens the real
 * condor_token_create mints verify in our library, and our condor_token_list prints the real one's lines.
 */
class TokenToolsInteropTest {
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("keys.jcedar.test");
    private static final String NAMED_KEY = "jcedarkey";

    @RealHtcondorTest
    void tokensOurCondorTokenCreateMintsAuthenticateToARealSchedd(RealHtcondor htcondor, @TempDir Path tmp)
            throws Exception {
        RealPool pool = withNamedKey(htcondor.sharedPool(OPTIONS));
        for (String key : List.of("POOL", NAMED_KEY)) {
            Path token = tmp.resolve(key);
            Run create = runOurs(List.of("-identity", "alice@" + pool.trustDomain(), "-key", key,
                    "-authz", "WRITE", "-authz", "READ", "-lifetime", "600", "-file", token.toString()), pool);
            assertEquals(0, create.status(), create.stderr());

            ExecResult ping = pingWithToken(pool, token, "ours-" + key);

            assertTrue(ping.succeeded(), ping::describe);
            assertLine(ping, "Authenticated using:\\s+IDTOKENS");
            assertLine(ping, "Remote Mapping:\\s+" + Pattern.quote("alice@" + pool.trustDomain()));
            assertLine(ping, "Authorized:\\s+TRUE");
        }
    }

    @RealHtcondorTest
    void aTokenSignedWithAKeyTheScheddDoesNotHoldIsRefused(RealHtcondor htcondor, @TempDir Path tmp)
            throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        Path otherKeys = Files.createDirectory(tmp.resolve("other-passwords.d"));
        storeOf(otherKeys).create("POOL", new byte[64]);
        Path token = tmp.resolve("forged");
        Run create = run(TokenCreateTool::run, List.of("-identity", "alice@" + pool.trustDomain(),
                "-file", token.toString()), keyConfiguration(otherKeys, pool.trustDomain()));
        assertEquals(0, create.status(), create.stderr());

        ExecResult ping = pingWithToken(pool, token, "forged");

        assertFalse(ping.succeeded(), ping::describe);
    }

    @RealHtcondorTest
    void tokensTheRealCondorTokenCreateMintsVerifyInOurLibrary(RealHtcondor htcondor) throws Exception {
        RealPool pool = withNamedKey(htcondor.sharedPool(OPTIONS));
        TokenVerifier verifier = new TokenVerifier(storeOf(pool.passwordsDirectory()), Clock.systemUTC(),
                Optional.of(pool.trustDomain()), Optional.empty());
        for (String key : List.of("POOL", NAMED_KEY)) {
            ExecResult real = pool.exec(ROOT, "condor_token_create", "-identity", "bob@" + pool.trustDomain(),
                    "-key", key, "-authz", "READ", "-authz", "ADVERTISE_SCHEDD", "-lifetime", "600").requireSuccess();
            String token = real.stdout().strip();

            VerifiedToken verified = verifier.verify(token);

            assertEquals(key, verified.keyId());
            assertEquals("bob@" + pool.trustDomain(), verified.claims().subject());
            assertEquals(List.of("READ", "ADVERTISE_SCHEDD"), verified.claims().authorizations());
            assertEquals(600, verified.claims().expiresAt().getAsLong() - verified.claims().issuedAt().getAsLong());
            assertEquals(token, TokenSigner.mint(verified.claims(), storeOf(pool.passwordsDirectory()).load(key)),
                    "our signer reproduces the real token byte for byte");
        }
    }

    @RealHtcondorTest
    void ourCondorTokenListPrintsTheSameLinesAsTheRealOne(RealHtcondor htcondor) throws Exception {
        RealPool pool = withNamedKey(htcondor.sharedPool(OPTIONS));
        htcondor.shareHostTmp(); // the real tool then sees the directory at the same path
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "jcedar-token-list-");
        try {
            String a = realToken(pool, "POOL", "a@" + pool.trustDomain());
            String b = realToken(pool, NAMED_KEY, "b@" + pool.trustDomain());
            Files.writeString(dir.resolve("single"), a + "\n");
            Files.writeString(dir.resolve("several"), "# a comment\n\n  " + b + " \r\nnot a token\n" + a);
            Files.writeString(dir.resolve("excluded.sh"), a + "\n");
            Files.writeString(dir.resolve(".hidden"), a + "\n");
            Files.writeString(dir.resolve("garbage"), "a.b.c\n" + a.replace('.', '!') + "\n");
            Files.createDirectory(dir.resolve("subdir"));
            Files.writeString(dir.resolve("subdir/inner"), b + "\n");
            for (List<String> args : List.of(List.of("-dir", dir.toString()),
                    List.of("-file", dir.resolve("several").toString()))) {
                ExecResult real = pool.exec(ROOT, Stream.concat(Stream.of("condor_token_list"), args.stream())
                        .toArray(String[]::new));

                Run ours = run(TokenListTool::run, args,
                        configuration(Map.of("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP", SigningKeyStore.DEFAULT_EXCLUDE_REGEXP)));

                assertEquals(real.exitCode(), ours.status(), real::describe);
                assertEquals(real.stdout(), ours.stdout(), real::describe);
                assertEquals(args.get(0).equals("-dir") ? 3 : 2, real.stdout().lines().count(), real::describe);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * The pool with a second, named signing key. The schedd caches the key names it advertises (IssuerKeys)
     * from its first authenticated command until a reconfig, and clients only present tokens whose kid it
     * advertises; so after adding the key we reconfigure the schedd and wait until a token the real
     * condor_token_create signs with that key gets through.
     */
    private static RealPool withNamedKey(RealPool pool) throws Exception {
        if (Files.exists(pool.passwordsDirectory().resolve(NAMED_KEY))) {
            return pool;
        }
        pool.genkey(NAMED_KEY);
        pool.exec(ROOT, "condor_reconfig", "-schedd").requireSuccess();
        Path probe = Files.createTempFile("jcedar-probe-", ".token");
        try {
            Files.writeString(probe, realToken(pool, NAMED_KEY, "probe@" + pool.trustDomain()) + "\n");
            for (int attempt = 0; attempt < 60; attempt++) {
                if (pingWithToken(pool, probe, "probe").succeeded()) {
                    return pool;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the schedd never advertised key " + NAMED_KEY + " after a reconfig");
        } finally {
            Files.delete(probe);
        }
    }

    private static String realToken(RealPool pool, String key, String identity) {
        return pool.exec(ROOT, "condor_token_create", "-identity", identity, "-key", key).requireSuccess()
                .stdout().strip();
    }

    /** Real condor_ping as the unprivileged user, with only IDTOKENS and only this token to present. */
    private static ExecResult pingWithToken(RealPool pool, Path token, String name) {
        String tokenDirectory = pool.directoryInChroot() + "/tokens-" + name;
        pool.copyIn(token, tokenDirectory + "/token", UNPRIVILEGED_USER, "0600");
        return pool.exec(UNPRIVILEGED_USER, Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS",
                        "_CONDOR_SEC_TOKEN_DIRECTORY", tokenDirectory),
                "condor_ping", "-type", "schedd", "-verbose", "WRITE");
    }

    private static SigningKeyStore storeOf(Path passwordsDirectory) {
        return new SigningKeyStore(Optional.of(passwordsDirectory), Optional.of(passwordsDirectory.resolve("POOL")),
                false, Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
    }

    /** Our condor_token_create, configured with the pool's passwords.d and trust domain. */
    private static Run runOurs(List<String> args, RealPool pool) {
        return run(TokenCreateTool::run, args, keyConfiguration(pool.passwordsDirectory(), pool.trustDomain()));
    }

    /** The knobs condor_token_create reads, as the pool's configuration sets them but with host paths. */
    private static ClientConfiguration keyConfiguration(Path passwordsDirectory, String trustDomain) {
        return configuration(Map.of("SEC_PASSWORD_DIRECTORY", passwordsDirectory.toString(),
                "SEC_TOKEN_POOL_SIGNING_KEY_FILE", passwordsDirectory.resolve("POOL").toString(),
                "TRUST_DOMAIN", trustDomain));
    }

    private static ClientConfiguration configuration(Map<String, String> knobs) {
        return knob -> Optional.ofNullable(knobs.get(knob));
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private interface Tool {
        int run(String[] args, ToolContext context);
    }

    private static Run run(Tool tool, List<String> args, ClientConfiguration configuration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolContext context = new ToolContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), configuration,
                ProcessIdentity.realUid(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
                new SecureRandom());
        int status = tool.run(args.toArray(String[]::new), context);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertLine(ExecResult result, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertTrue(result.stdout().lines().anyMatch(line -> pattern.matcher(line).matches()),
                () -> "no line matches " + regex + "\n" + result.describe());
    }
}
