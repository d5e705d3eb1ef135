package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A set of configuration files written into a chroot's /tmp, readable by every user (so runs as nobody see
 * them too), removed again by {@link #close}. {@link #inChroot} is where the real tool sees a file,
 * {@link #onHost} where we read it.
 */
final class ConfigScenario implements AutoCloseable {
    private final Path hostDir;
    private final String chrootDir;

    ConfigScenario(RealHtcondor htcondor) {
        try {
            Path tmp = htcondor.hostPath("/tmp");
            this.hostDir = Files.createTempDirectory(tmp, "jcedar-config-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(hostDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scenario directory in " + htcondor, e);
        }
        this.chrootDir = "/tmp/" + hostDir.getFileName();
    }

    /** Writes {@code text} to {@code name} (relative to the scenario directory). */
    ConfigScenario write(String name, String text) {
        Path file = hostDir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            for (Path d = file.getParent(); !d.equals(hostDir); d = d.getParent()) {
                setReadable(d, true);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            setReadable(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The scenario directory (or a file in it) as the real tool sees it. */
    String inChroot(String name) {
        return name.isEmpty() ? chrootDir : chrootDir + "/" + name;
    }

    /** The scenario directory (or a file in it) on the host. */
    Path onHost(String name) {
        return name.isEmpty() ? hostDir : hostDir.resolve(name);
    }

    private static void setReadable(Path path, boolean directory) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(hostDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + hostDir, e);
        }
    }
}
