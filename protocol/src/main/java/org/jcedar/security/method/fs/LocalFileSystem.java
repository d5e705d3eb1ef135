package org.jcedar.security.method.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/** {@link FsFileSystem} on the local POSIX file system, through the JDK's "unix" attribute view (lstat). */
public final class LocalFileSystem implements FsFileSystem {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    @Override
    public void createPrivateDirectory(Path path) throws IOException {
        Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @Override
    public void removeDirectory(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<Facts> inspect(Path path) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:mode,nlink,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int mode = (Integer) attributes.get("mode");
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        return Optional.of(new Facts((mode & S_IFMT) == S_IFDIR, (mode & S_IFMT) == S_IFLNK, mode & 07777,
                ((Number) attributes.get("nlink")).longValue(), (Integer) attributes.get("uid"), owner));
    }
}
