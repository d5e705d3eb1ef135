package org.jcedar.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Reads a whole file the way HTCondor's {@code read_secure_file} with full verification does (30 §1.2):
 * symlinks followed, owned by the expected uid, no group or other permission bits, and unchanged while it
 * was read. Unlike HTCondor it also refuses files larger than a caller-given limit, so a huge file never
 * becomes a huge allocation.
 */
public final class SecureFileReader {
    private static final String ATTRIBUTES = "unix:uid,mode,size,lastModifiedTime,isRegularFile";
    private static final int GROUP_AND_OTHER_BITS = 0077;

    private SecureFileReader() {
    }

    /**
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws InsecureFileException             if ownership, mode, size or stability are wrong
     * @throws IOException                       on any other I/O failure
     */
    public static byte[] read(Path path, long ownerUid, int maxBytes) throws IOException {
        Map<String, Object> before = Files.readAttributes(path, ATTRIBUTES);
        check(path, before, ownerUid, maxBytes);
        long size = ((Number) before.get("size")).longValue();
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // a regular file delivers its announced size unless it shrinks meanwhile (caught below)
            }
            if (buffer.hasRemaining() || channel.read(ByteBuffer.allocate(1)) >= 0) {
                throw new InsecureFileException(path, "file changed size while it was read");
            }
        }
        Map<String, Object> after = Files.readAttributes(path, ATTRIBUTES);
        if (!after.get("lastModifiedTime").equals(before.get("lastModifiedTime"))
                || !after.get("size").equals(before.get("size"))) {
            throw new InsecureFileException(path, "file was modified while it was read");
        }
        return buffer.array();
    }

    private static void check(Path path, Map<String, Object> attributes, long ownerUid, int maxBytes)
            throws InsecureFileException {
        if (!(Boolean) attributes.get("isRegularFile")) {
            throw new InsecureFileException(path, "not a regular file");
        }
        long uid = ((Number) attributes.get("uid")).longValue();
        if (uid != ownerUid) {
            throw new InsecureFileException(path, "file must be owned by uid " + ownerUid + ", was uid " + uid);
        }
        int mode = ((Number) attributes.get("mode")).intValue();
        if ((mode & GROUP_AND_OTHER_BITS) != 0) {
            throw new InsecureFileException(path,
                    "file must not be readable by others, had perms " + Integer.toOctalString(mode));
        }
        if (((Number) attributes.get("size")).longValue() > maxBytes) {
            throw new InsecureFileException(path, "file is larger than " + maxBytes + " bytes");
        }
    }
}
