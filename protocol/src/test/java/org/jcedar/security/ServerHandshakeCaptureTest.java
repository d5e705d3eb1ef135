package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandRegistration;
import org.jcedar.command.CommandTable;
import org.jcedar.command.SessionTokenIssuer;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.UnverifiedToken;
import org.jcedar.security.authz.Authorizer;
import org.jcedar.security.method.fs.FsFileSystem;
import org.jcedar.security.method.fs.FsServer;
import org.jcedar.testing.Capture;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our server side against what real clients sent: the messages real condor_token_fetch 23.9.6 and 25.14.1 sent to
 * a real schedd (capture a-fetch-default, plaintext pool) are fed to ServerHandshake and the session-token issuer
 * configured like that schedd. The token we issue must carry the claims the real schedd's token carried.
 */
class ServerHandshakeCaptureTest {

    /** The security knobs of the capture pool (../_pool-plaintext/pool.config), as far as they matter here. */
    private static final Map<String, String> POOL_KNOBS = Map.ofEntries(
            Map.entry("SEC_DEFAULT_AUTHENTICATION", "REQUIRED"),
            Map.entry("SEC_DEFAULT_AUTHENTICATION_METHODS", "FS, IDTOKENS, CLAIMTOBE"),
            Map.entry("SEC_DEFAULT_ENCRYPTION", "NEVER"), Map.entry("SEC_DEFAULT_INTEGRITY", "NEVER"),
            Map.entry("SEC_DEFAULT_CRYPTO_METHODS", "BLOWFISH"), Map.entry("SEC_READ_ENCRYPTION", "NEVER"),
            Map.entry("SEC_READ_INTEGRITY", "NEVER"), Map.entry("ALLOW_READ", "*"), Map.entry("ALLOW_WRITE", "*"),
            Map.entry("ALLOW_ADMINISTRATOR", "*"), Map.entry("ALLOW_DAEMON", "*"), Map.entry("ALLOW_NEGOTIATOR", "*"));

    @TempDir
    Path keys;

    @ParameterizedTest
    @ValueSource(strings = {"htcondor-23", "htcondor-25"})
    void realClientsGetTheTokenTheRealScheddGaveThem(String version) throws Exception {
        Capture capture = Captures.load(version, "a-fetch-default");
        CapturedConnection connection = capture.connections().get(0);
        List<byte[]> fromClient = connection.clientMessages();
        String trustDomain = capture.meta().get("trust_domain").asText();
        String[] schedd = capture.meta().get("schedd").asText().split(":");
        Endpoint local = new Endpoint(schedd[0], Integer.parseInt(schedd[1]));

        Files.write(keys.resolve("POOL"), capture.keys().get("POOL"));
        Files.setPosixFilePermissions(keys.resolve("POOL"), PosixFilePermissions.fromString("rw-------"));
        SigningKeyStore store = new SigningKeyStore(Optional.of(keys), Optional.of(keys.resolve("POOL")), false,
                Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());

        SimulatedClientDirectories fs = new SimulatedClientDirectories();
        CommandTable commands = new CommandTable().register(new CommandRegistration(60046, "DC_GET_SESSION_TOKEN",
                Permission.DAEMON, List.of(Permission.ALLOW), false));
        ServerHandshake.Settings settings = new ServerHandshake.Settings(commands,
                new ServerPolicies(name -> Optional.ofNullable(POOL_KNOBS.get(name)), "SCHEDD", true),
                (method, offer) -> method == AuthMethod.FS ? Optional.of(new FsServer(
                        new FsServer.Settings(Path.of("/tmp"), trustDomain, true, "condor"), local, fs,
                        new SecureRandom())) : Optional.empty(),
                new CommandAuthorization(new Authorizer(name -> Optional.ofNullable(POOL_KNOBS.get(name)), "SCHEDD")),
                new SessionCache(10), new SessionIds("localhost", 1, 0), trustDomain,
                () -> Optional.of("POOL"), Clock.systemUTC());
        ServerHandshake server = new ServerHandshake(settings, InetAddress.getLoopbackAddress(), new SecureRandom());

        List<byte[]> sent = new ArrayList<>();
        int next = 0;
        while (server.command().isEmpty()) {
            for (HandshakeAction action : server.receive(fromClient.get(next++))) {
                assertFalse(action instanceof HandshakeAction.Close, action.toString());
                assertFalse(action instanceof HandshakeAction.EnableEncryption, "a BLOWFISH-only client gets no AES");
                HandshakeAction.Send send = assertInstanceOf(HandshakeAction.Send.class, action);
                sent.add(send.payload());
                fs.createWhatTheRealClientCreated(send.payload(), fromClient, next);
            }
        }
        ClassAd response = ad(sent.get(0));
        assertEquals(Optional.of("YES"), response.getString("Authentication"));
        assertEquals(Optional.of("NO"), response.getString("Encryption"));
        assertEquals(Optional.of("FS,TOKEN,CLAIMTOBE"), response.getString("AuthMethodsList"));
        assertEquals(4L, new MessageReader(sent.get(1), false).getLong(), "FS chosen");
        ClassAd postAuth = ad(sent.get(sent.size() - 1));
        assertEquals(Optional.of("AUTHORIZED"), postAuth.getString("ReturnCode"));
        assertEquals(Optional.of("nobody@" + trustDomain), postAuth.getString("User"));

        ServerSession.Command command = server.command().get();
        MessageReader request = new MessageReader(fromClient.get(next), false);
        SessionTokenRequest tokenRequest = SessionTokenRequest.fromAd(ClassAdWire.read(request));
        SessionTokenReply reply = new SessionTokenIssuer(new SessionTokenIssuer.Settings(true,
                java.util.OptionalLong.empty(), "POOL", List.of("POOL"), trustDomain), store, Clock.systemUTC(),
                new SecureRandom()).issue(command.session(), tokenRequest);
        assertTrue(reply.succeeded(), reply.errorString());

        List<byte[]> fromServer = connection.serverMessages();
        String realToken = SessionTokenReply.fromAd(ad(fromServer.get(fromServer.size() - 1))).token().orElseThrow();
        Map<String, Object> ours = UnverifiedToken.parse(reply.token().get()).claims();
        Map<String, Object> theirs = UnverifiedToken.parse(realToken).claims();
        assertEquals(theirs.keySet(), ours.keySet());
        for (String claim : List.of("sub", "iss")) {
            assertEquals(theirs.get(claim), ours.get(claim), claim);
        }
        assertEquals(UnverifiedToken.parse(realToken).header(), UnverifiedToken.parse(reply.token().get()).header());
    }

    private static ClassAd ad(byte[] payload) throws Exception {
        MessageReader in = new MessageReader(payload, false);
        ClassAd ad = ClassAdWire.read(in);
        in.expectEnd();
        return ad;
    }

    /**
     * Stands in for the client's side of the shared /tmp: when our server names a directory (F1), the directory
     * the real client made for the name the real server gave it - the recorded suffix appended - appears, owned by
     * the user the capture ran as.
     */
    private static final class SimulatedClientDirectories implements FsFileSystem {
        private Path made;

        void createWhatTheRealClientCreated(byte[] serverMessage, List<byte[]> fromClient, int nextClientMessage)
                throws Exception {
            MessageReader in = new MessageReader(serverMessage, false);
            String name;
            try {
                name = in.getString();
                if (!name.startsWith("/tmp/FS_") || in.hasRemaining()) {
                    return;
                }
            } catch (org.jcedar.cedar.CedarException notAString) {
                return;
            }
            MessageReader f2 = new MessageReader(fromClient.get(nextClientMessage), false);
            f2.getLong();
            made = Path.of(name + (f2.hasRemaining() ? f2.getString() : ""));
        }

        @Override
        public void createPrivateDirectory(Path path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeDirectory(Path path) {
        }

        @Override
        public boolean exists(Path path) {
            return false;
        }

        @Override
        public Optional<Facts> inspect(Path path) {
            return path.equals(made) ? Optional.of(new Facts(true, false, 0700, 2, 65534, "nobody")) : Optional.empty();
        }
    }
}
