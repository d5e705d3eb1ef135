package org.jcedar.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jcedar.security.JcedarVersion;

/**
 * A daemon address file as HTCondor writes it (10 §6.1): the sinful on line 1, then the version and platform
 * lines. Written to a temporary file in the same directory and renamed over the target, so a reader never sees a
 * partial file.
 */
final class AddressFile {
    static final String PLATFORM = "$CondorPlatform: jcedar-Java $";

    private AddressFile() {
    }

    static void write(Path target, String sinful) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            String content = sinful + "\n" + JcedarVersion.REMOTE_VERSION + "\n" + PLATFORM + "\n";
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
