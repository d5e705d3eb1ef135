package org.jcedar.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration in a temporary directory for tests: files written under {@link #dir()}, and an environment
 * whose CONDOR_CONFIG names {@code condor_config} there, for user "alice" (who cannot switch ids) on host
 * "node7", with no standard global config locations and no ~condor.
 */
final class ConfigFixture {
    private final Path dir;
    private final Map<String, String> variables = new HashMap<>();
    private ConfigEnvironment.Builder builder;

    ConfigFixture(Path dir) {
        this.dir = dir;
        variables.put("CONDOR_CONFIG", dir.resolve("condor_config").toString());
        this.builder = ConfigEnvironment.builder("TOOL")
                .userName("alice")
                .userHome(dir.resolve("home"))
                .hostName("node7")
                .workingDirectory(dir)
                .globalConfigLocations(List.of());
    }

    Path dir() {
        return dir;
    }

    /** Writes {@code text} to {@code name} (relative to {@link #dir()}), creating directories. */
    Path write(String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the global config file. */
    ConfigFixture config(String text) {
        write("condor_config", text);
        return this;
    }

    ConfigFixture env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    ConfigFixture unsetEnv(String name) {
        variables.remove(name);
        return this;
    }

    ConfigEnvironment.Builder builder() {
        return builder;
    }

    ConfigFixture subsystem(String subsystem) {
        ConfigEnvironment.Builder fresh = ConfigEnvironment.builder(subsystem)
                .userName("alice").userHome(dir.resolve("home")).hostName("node7")
                .workingDirectory(dir).globalConfigLocations(List.of());
        this.builder = fresh;
        return this;
    }

    ConfigEnvironment environment() {
        return builder.environment(variables).build();
    }

    CondorConfig load() throws ConfigException {
        return CondorConfig.load(environment());
    }

    /** Loads {@code text} as the global config and returns the loaded configuration. */
    static CondorConfig loadText(Path dir, String text) throws ConfigException {
        return new ConfigFixture(dir).config(text).load();
    }
}
