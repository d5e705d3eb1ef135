package org.jcedar.security.method.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.Endpoint;
import org.jcedar.security.method.ClientAuthentication;
import org.jcedar.security.method.MethodStep;

/**
 * Client half of FS: create the directory the server names, report, and remove it after the verdict (20 §7.1,
 * §7.2). Behaves like current HTCondor: with channel binding enforced (SEC_FS_ENFORCE_CHANNEL_BINDING, default
 * true) a name that is not bound to the server's address as this client sees it is refused, so the client moves
 * on to its next method; this refuses 23.x's unbound names.
 */
public final class FsClient implements ClientAuthentication {
    private final Endpoint serverAsSeen;
    private final Optional<String> sharedPortId;
    private final boolean enforceChannelBinding;
    private final FsFileSystem fileSystem;

    private Path created;
    private String refusal;
    private boolean verdictPending;

    public FsClient(Endpoint serverAsSeen, Optional<String> sharedPortId, boolean enforceChannelBinding,
                    FsFileSystem fileSystem) {
        this.serverAsSeen = serverAsSeen;
        this.sharedPortId = sharedPortId;
        this.enforceChannelBinding = enforceChannelBinding;
        this.fileSystem = fileSystem;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.FS;
    }

    @Override
    public MethodStep start() {
        return MethodStep.waiting(); // the server speaks first
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        if (verdictPending) {
            int verdict = message.getInt();
            message.expectEnd();
            removeCreated();
            if (verdict == 0 && refusal == null) {
                return MethodStep.succeeded(List.of());
            }
            return MethodStep.failed(List.of(), refusal != null ? refusal : "the server rejected the directory");
        }
        String name = message.getString();
        message.expectEnd();
        verdictPending = true;
        return MethodStep.send(answer(name));
    }

    private byte[] answer(String name) {
        MessageWriter reply = new MessageWriter(false);
        if (name.isEmpty()) {
            refusal = "the server could not make a directory name";
            return reply.putInt(-1).toByteArray();
        }
        String basename = name.substring(name.lastIndexOf('/') + 1);
        String suffix = "";
        if (FsChannelBinding.wantsSuffix(basename)) {
            suffix = FsChannelBinding.suffix(serverAsSeen, sharedPortId);
        } else if (enforceChannelBinding && !basename.startsWith(FsChannelBinding.boundPrefix(serverAsSeen))) {
            refusal = "the directory name " + name + " is not bound to " + serverAsSeen.hostPort()
                    + " (set SEC_FS_ENFORCE_CHANNEL_BINDING = false to accept it from an older server)";
            return reply.putInt(-1).toByteArray();
        }
        Path path;
        try {
            path = Path.of(name + suffix);
            fileSystem.createPrivateDirectory(path);
            created = path;
        } catch (IOException | RuntimeException e) {
            refusal = "cannot create " + name + suffix + ": " + e.getMessage();
            return reply.putInt(-1).toByteArray();
        }
        reply.putInt(0);
        if (!suffix.isEmpty()) {
            reply.putString(suffix);
        }
        return reply.toByteArray();
    }

    private void removeCreated() {
        if (created != null) {
            try {
                fileSystem.removeDirectory(created);
            } catch (IOException | RuntimeException ignored) {
                // Leaving an empty 0700 directory in /tmp behind is harmless; the verdict is what matters.
            }
            created = null;
        }
    }
}
