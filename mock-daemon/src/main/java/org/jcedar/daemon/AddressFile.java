package org.jcedar.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdPrinter;
import org.jcedar.classad.Expr;
import org.jcedar.security.JcedarVersion;

/**
 * A daemon address file as HTCondor writes it (10 §6.1): the sinful on line 1, then the version and platform
 * lines; and a daemon ad file ({@code .schedd_classad}): the ad, one {@code Name = value} per line. Written to a
 * temporary file in the same directory and renamed over the target, so a reader never sees a partial file.
 */
final class AddressFile {
    static final String PLATFORM = "$CondorPlatform: jcedar-Java $";

    private AddressFile() {
    }

    static void write(Path target, String sinful) throws IOException {
        replace(target, sinful + "\n" + JcedarVersion.REMOTE_VERSION + "\n" + PLATFORM + "\n");
    }

    static void writeAd(Path target, ClassAd ad) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Expr> entry : ad.entries()) {
            text.append(ClassAdPrinter.entry(entry.getKey(), entry.getValue())).append('\n');
        }
        replace(target, text.toString());
    }

    private static void replace(Path target, String content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            // Readable by everyone, as HTCondor's: tools run as any user (createTempFile made it 0600).
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
