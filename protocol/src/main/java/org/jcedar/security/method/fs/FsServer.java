package org.jcedar.security.method.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.Endpoint;
import org.jcedar.security.method.AuthenticatedPeer;
import org.jcedar.security.method.MethodStep;
import org.jcedar.security.method.ServerAuthentication;

/**
 * Server half of FS with the newest (G2) names: {@code <dir>/FS_<ip>_<port>_XXX<random>_}, to which a current
 * client appends the server's address; older clients create the name as given, which is accepted too. The owner
 * of the directory the client made is the peer: {@code user@UID_DOMAIN}, root mapped to the HTCondor service
 * account as current HTCondor does (FS_ROOT_TO_CONDOR).
 */
public final class FsServer implements ServerAuthentication {
    private static final String RANDOM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Where names are made, the identity domain and the root mapping; FS_LOCAL_DIR defaults to /tmp. */
    public record Settings(Path directory, String uidDomain, boolean rootToCondor, String condorUser) {
    }

    private final Settings settings;
    private final Endpoint serverLocal;
    private final FsFileSystem fileSystem;
    private final SecureRandom random;

    private String name;
    private AuthenticatedPeer peer;

    public FsServer(Settings settings, Endpoint serverLocal, FsFileSystem fileSystem, SecureRandom random) {
        this.settings = settings;
        this.serverLocal = serverLocal;
        this.fileSystem = fileSystem;
        this.random = random;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.FS;
    }

    @Override
    public MethodStep start() {
        name = uniqueName();
        return MethodStep.send(new MessageWriter(false).putString(name == null ? "" : name).toByteArray());
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        int clientResult = message.getInt();
        Optional<String> suffix = message.hasRemaining() ? Optional.of(message.getString()) : Optional.empty();
        message.expectEnd();
        String failure = check(clientResult, suffix);
        byte[] verdict = new MessageWriter(false).putInt(failure == null ? 0 : -1).toByteArray();
        return failure == null ? MethodStep.succeeded(List.of(verdict)) : MethodStep.failed(List.of(verdict), failure);
    }

    @Override
    public AuthenticatedPeer peer() {
        if (peer == null) {
            throw new IllegalStateException("FS has not authenticated anyone");
        }
        return peer;
    }

    private String check(int clientResult, Optional<String> suffix) {
        if (name == null) {
            return "could not make a unique directory name in " + settings.directory();
        }
        if (clientResult != 0) {
            return "the client could not create " + name;
        }
        if (suffix.isPresent() && !FsChannelBinding.suffixMatches(suffix.get(), serverLocal)) {
            return "the client's suffix " + suffix.get() + " does not name this server (" + serverLocal.hostPort() + ")";
        }
        Path path;
        FsFileSystem.Facts facts;
        try {
            path = Path.of(name + suffix.orElse(""));
        } catch (java.nio.file.InvalidPathException e) {
            return "the client's suffix is not a valid file name";
        }
        try {
            Optional<FsFileSystem.Facts> found = fileSystem.inspect(path);
            if (found.isEmpty()) {
                return path + " does not exist";
            }
            facts = found.get();
        } catch (IOException e) {
            return "cannot inspect " + path + ": " + e.getMessage();
        }
        String wrong = null;
        if (facts.symbolicLink() || !facts.directory()) {
            wrong = path + " is not a directory";
        } else if (facts.linkCount() < 1 || facts.linkCount() > 2) {
            wrong = path + " has " + facts.linkCount() + " links";
        } else if (facts.permissionBits() != 0700) {
            wrong = path + " has mode " + Integer.toOctalString(facts.permissionBits()) + ", not 700";
        } else if (facts.ownerName() == null || facts.ownerName().isEmpty()) {
            wrong = "the owner of " + path + " (uid " + facts.ownerUid() + ") has no name";
        }
        if (wrong != null) {
            cleanUp(path, facts);
            return wrong;
        }
        String user = facts.ownerUid() == 0 && settings.rootToCondor() ? settings.condorUser() : facts.ownerName();
        peer = AuthenticatedPeer.of(user, settings.uidDomain(), AuthMethod.FS);
        return null;
    }

    /** A directory that failed the check is garbage: remove it (never follow a link). */
    private void cleanUp(Path path, FsFileSystem.Facts facts) {
        if (facts.directory() && !facts.symbolicLink()) {
            try {
                fileSystem.removeDirectory(path);
            } catch (IOException | RuntimeException ignored) {
                // best effort
            }
        }
    }

    /** Like mkstemp on {@code FS_<ip>_<port>_XXXXXXXXX}: six random characters after XXX, then the G2 {@code _}. */
    private String uniqueName() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder base = new StringBuilder(FsChannelBinding.boundPrefix(serverLocal)).append("XXX");
            for (int i = 0; i < 6; i++) {
                base.append(RANDOM_CHARS.charAt(random.nextInt(RANDOM_CHARS.length())));
            }
            String candidate = settings.directory().resolve(base.append('_').toString()).toString();
            if (!fileSystem.exists(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
