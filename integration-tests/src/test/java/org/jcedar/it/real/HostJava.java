package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a main class of this test's class path in a JVM of its own on the host, as another user - e.g. jcedar's
 * condor_token_fetch as {@link RealPool#UNPRIVILEGED_USER}, where the identity matters (this JVM runs as root,
 * which real HTCondor treats specially). Maven's repository under /root is not readable by that user, so the
 * class path is copied once per JVM into {@code target/host-classpath/}, readable by all.
 */
public final class HostJava {
    private static final Path COPY = Path.of("target", "host-classpath").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static List<Path> classPath;

    private HostJava() {
    }

    /**
     * Runs {@code mainClass} with {@code args} as {@code user} (its primary group, no other groups), with a clean
     * environment holding only PATH, HOME and {@code environment}.
     */
    public static ExecResult run(String user, Path home, Map<String, String> environment, String mainClass,
                                 List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + group(user),
                "--init-groups", "env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home));
        environment.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", String.join(":", classPath().stream()
                .map(Path::toString).toList()), mainClass));
        command.addAll(args);
        return HostCommand.run(command, TIMEOUT);
    }

    private static String group(String user) {
        return HostCommand.run(List.of("id", "-gn", user), TIMEOUT).requireSuccess().stdout().strip();
    }

    private static synchronized List<Path> classPath() {
        if (classPath == null) {
            try {
                classPath = copyClassPath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the class path to " + COPY, e);
            }
        }
        return classPath;
    }

    private static List<Path> copyClassPath() throws IOException {
        List<Path> copied = new ArrayList<>();
        Files.createDirectories(COPY);
        COPY.toFile().setReadable(true, false);
        COPY.toFile().setExecutable(true, false);
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(":")) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = COPY.resolve(String.format("%03d-%s", index++, source.getFileName()));
            copy(source, target);
            copied.add(target);
        }
        return copied;
    }

    private static void copy(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> tree = Files.walk(source)) {
                for (Path path : (Iterable<Path>) tree::iterator) {
                    Path to = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(to);
                        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
