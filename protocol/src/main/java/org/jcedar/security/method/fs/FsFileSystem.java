package org.jcedar.security.method.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file-system operations FS authentication needs, kept behind an interface so the method stays testable and
 * a driver can decide where the (blocking) calls run.
 */
public interface FsFileSystem {

    /** What {@code lstat} tells the server about the directory the client made. */
    record Facts(boolean directory, boolean symbolicLink, int permissionBits, long linkCount, int ownerUid,
                 String ownerName) {
    }

    /** Client: {@code mkdir(path, 0700)}. */
    void createPrivateDirectory(Path path) throws IOException;

    /** Client and server: remove an (empty) directory. */
    void removeDirectory(Path path) throws IOException;

    /** Server: does anything exist at this path (without following a final symbolic link)? */
    boolean exists(Path path);

    /** Server: {@code lstat}; empty when nothing is there. */
    Optional<Facts> inspect(Path path) throws IOException;
}
