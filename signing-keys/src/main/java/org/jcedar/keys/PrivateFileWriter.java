package org.jcedar.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes owner-only (0600) files so that readers never see a partial or world-readable file: the content
 * goes to a temporary file in the target's directory, is flushed to disk, and is then renamed (or linked)
 * into place. The temporary name starts with '.', which HTCondor's default exclude regexp skips should a
 * crash leave one behind.
 */
public final class PrivateFileWriter {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFileWriter() {
    }

    /** Replaces {@code target} (a new inode, mode 0600, owned by this process) with {@code content}. */
    public static void replace(Path target, byte[] content) throws IOException {
        Path temp = writeTemporary(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates {@code target} with {@code content} only if nothing exists at that path, like
     * {@code open(O_CREAT|O_EXCL, 0600)} but never leaving a partial file: the complete temporary file is
     * hard-linked to the target name, which fails if the name is taken.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
     */
    public static void createExclusively(Path target, byte[] content) throws IOException {
        Path temp = writeTemporary(target, content);
        try {
            Files.createLink(target, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path writeTemporary(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", OWNER_ONLY);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }
}
