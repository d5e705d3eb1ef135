package org.jcedar.it.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A configuration file for a real HTCondor tool in a chroot, under the host's /tmp, which the chroots share
 * (RealHtcondor.shareHostTmp), readable by the unprivileged user the tool runs as.
 */
final class ToolConfig {
    private ToolConfig() {
    }

    static Path write(Map<String, String> knobs) throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "jcedar-tool-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = directory.resolve("condor_config");
        Files.writeString(file, knobs.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "NETWORK_HOSTNAME = localhost\nENABLE_IPV6 = False\n", "\n")));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }
}
