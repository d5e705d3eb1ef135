package org.jcedar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads the whole configuration in the order of HTCondor's {@code real_config}: detected values, the global
 * file (CONDOR_CONFIG, or the first of the standard places; none for {@code ONLY_ENV}), host names, the files of
 * LOCAL_CONFIG_DIR, the LOCAL_CONFIG_FILE list, LOCAL_CONFIG_DIR again if a local file changed it, the user's
 * {@code ~/.condor/user_config} (tools not running as root only), {@code _CONDOR_<NAME>} environment variables,
 * the detected values HTCondor re-inserts last, UID_DOMAIN/FILESYSTEM_DOMAIN fallbacks and the
 * {@code AUTO_USE_<CATEGORY>_<NAME>} metaknob triggers.
 */
final class ConfigLoader {
    private static final String ENV_PREFIX = "_condor_";
    private static final Pattern AUTO_USE = Pattern.compile("AUTO_USE_([A-Za-z]+)_(.+)", Pattern.CASE_INSENSITIVE);

    private final LoadState state;
    private final ConfigEnvironment env;
    private final ConfigFileParser files;

    ConfigLoader(ConfigEnvironment env) {
        this.env = env;
        this.state = new LoadState(env);
        this.files = new ConfigFileParser(state);
    }

    LoadState load() throws ConfigException {
        insertFirstDetected();
        String condorConfig = env.variable("CONDOR_CONFIG").orElse(null);
        boolean onlyEnv = condorConfig != null && Ascii.equalsIgnoreCase(condorConfig, "ONLY_ENV");
        if (!onlyEnv) {
            String source = condorConfig != null ? checkedCondorConfig(condorConfig) : standardGlobalConfig();
            if (!source.isEmpty() && !source.equals("/dev/null")) {
                detected("CONFIG_ROOT", dirname(source));
                Path file = state.resolve(source);
                if (!Files.isReadable(file)) {
                    throw new ConfigException(file, 0, "can't read the global config source");
                }
                files.read(file, 0);
            }
        }
        insertHostNames();
        env.condorHome().ifPresent(home -> detected("TILDE", home.toString()));

        String dirList = state.param("LOCAL_CONFIG_DIR");
        if (dirList != null && !onlyEnv) {
            readDirectories(dirList);
        }
        readLocalFiles();
        String newDirList = state.param("LOCAL_CONFIG_DIR");
        if (newDirList != null && !onlyEnv && !newDirList.equals(dirList)) {
            readDirectories(newDirList);
        }
        if (!onlyEnv) {
            readUserConfig();
        }
        insertEnvironmentOverrides();
        insertLastDetected();
        insertDomainFallbacks();
        applyAutoUse();
        return state;
    }

    /** ARCH, OPSYS and the hardware values are not detected; see docs/configuration.md. */
    private void insertFirstDetected() {
        env.condorHome().ifPresent(home -> detected("TILDE", home.toString()));
        detected("CondorIsAdmin", env.privileged() ? "true" : "false");
        detected("SUBSYSTEM", env.subsystem());
        detected("LOCALNAME", env.localName().orElse(env.subsystem()));
    }

    private void insertLastDetected() throws ConfigException {
        env.condorHome().ifPresent(home -> detected("TILDE", home.toString()));
        insertHostNames();
        detected("SUBSYSTEM", env.subsystem());
        detected("LOCALNAME", env.localName().orElse(env.subsystem()));
        if (!env.userName().isEmpty()) {
            detected("USERNAME", env.userName());
        }
        // HTCondor's IP_ADDRESS is its IPv4 address when it has one.
        Optional<String> ip = env.ipv4Address().or(env::ipv6Address);
        ip.ifPresent(address -> {
            detected("IP_ADDRESS", address);
            detected("IP_ADDRESS_IS_IPV6", env.ipv4Address().isPresent() ? "false" : "true");
        });
        env.ipv4Address().ifPresent(address -> detected("IPV4_ADDRESS", address));
        env.ipv6Address().ifPresent(address -> detected("IPV6_ADDRESS", address));
    }

    private void detected(String name, String value) {
        state.macros().put(name, value, ValueOrigin.DETECTED);
    }

    /**
     * HOSTNAME and FULL_HOSTNAME: NETWORK_HOSTNAME if set, else the host name; a name with a dot is the full
     * name and its first label the short one, otherwise DEFAULT_DOMAIN_NAME is appended for the full name.
     * (HTCondor also asks DNS for the canonical name when NETWORK_HOSTNAME is unset; we do not.)
     */
    private void insertHostNames() throws ConfigException {
        String name = state.param("NETWORK_HOSTNAME");
        if (name == null) {
            name = env.hostName();
        }
        String full = name;
        String shortName = name;
        int dot = name.indexOf('.');
        if (dot >= 0) {
            shortName = name.substring(0, dot);
        } else {
            String domain = state.param("DEFAULT_DOMAIN_NAME");
            if (domain != null) {
                full = name + (domain.startsWith(".") ? "" : ".") + domain;
            }
        }
        detected("HOSTNAME", shortName);
        detected("FULL_HOSTNAME", full);
    }

    /** CONDOR_CONFIG names a file (a directory or a missing file is an error; a command is refused). */
    private String checkedCondorConfig(String value) throws ConfigException {
        Path file = state.resolve(value);
        if (Files.isDirectory(file)) {
            throw new ConfigException(file, 0, "the file named by CONDOR_CONFIG is a directory; please name a file");
        }
        if (!Files.exists(file)) {
            if (value.indexOf('|') >= 0) {
                throw new ConfigException("CONDOR_CONFIG '" + value + "' is a command; jcedar does not run"
                        + " programs to read its configuration");
            }
            throw new ConfigException(file, 0, "the file named by CONDOR_CONFIG does not exist");
        }
        return value;
    }

    private String standardGlobalConfig() throws ConfigException {
        for (Path candidate : env.globalConfigLocations()) {
            if (Files.isReadable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        throw new ConfigException("neither the environment variable CONDOR_CONFIG nor " + env.globalConfigLocations()
                + " names a condor_config file; set CONDOR_CONFIG to a file (or to ONLY_ENV)");
    }

    /** Each file of each directory in the list (not subdirectories, not LOCAL_CONFIG_DIR_EXCLUDE_REGEXP matches). */
    private void readDirectories(String dirList) throws ConfigException {
        boolean required = requireLocalConfigFiles();
        Pattern exclude = excludePattern();
        for (String dir : MacroFunctions.tokens(dirList, ", \t\r\n")) {
            for (Path file : configDirectoryFiles(state.resolve(dir), exclude)) {
                readLocal(file, required);
            }
        }
    }

    private List<Path> configDirectoryFiles(Path dir, Pattern exclude) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !Files.isDirectory(p))
                    .filter(p -> exclude == null || !exclude.matcher(p.getFileName().toString()).find())
                    .forEach(p -> names.add(p.toString()));
        } catch (IOException | RuntimeException e) {
            return List.of(); // HTCondor skips directories it cannot list, silently
        }
        names.sort(null);
        return names.stream().map(Path::of).toList();
    }

    private Pattern excludePattern() throws ConfigException {
        String regex = state.param("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP");
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw originOf("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP").error("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP is not a valid"
                    + " regular expression: " + e.getDescription());
        }
    }

    /**
     * The LOCAL_CONFIG_FILE list, in order; when a file changes the list, the files not read yet of the new
     * list are read from its start.
     */
    private void readLocalFiles() throws ConfigException {
        boolean required = requireLocalConfigFiles();
        String value = state.param("LOCAL_CONFIG_FILE");
        if (value == null) {
            return;
        }
        List<String> done = new ArrayList<>();
        List<String> pending = localFileList(value);
        while (!pending.isEmpty()) {
            String source = pending.remove(0);
            readLocal(state.resolve(source), required);
            done.add(source);
            String changed = state.param("LOCAL_CONFIG_FILE");
            if (changed != null && !changed.equals(value)) {
                value = changed;
                pending = localFileList(changed);
                pending.removeAll(done);
            }
        }
    }

    private List<String> localFileList(String value) throws ConfigException {
        if (value.indexOf('|') >= 0) {
            throw originOf("LOCAL_CONFIG_FILE").error("LOCAL_CONFIG_FILE '" + value + "' is a command; jcedar"
                    + " does not run programs to read its configuration");
        }
        return new ArrayList<>(MacroFunctions.tokens(value, ", \t\r\n"));
    }

    private void readLocal(Path file, boolean required) throws ConfigException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            if (required) {
                throw new ConfigException(file, 0, "can't read config source (REQUIRE_LOCAL_CONFIG_FILE is true)");
            }
            return;
        }
        files.read(file, 1);
    }

    private boolean requireLocalConfigFiles() throws ConfigException {
        String value = state.param("REQUIRE_LOCAL_CONFIG_FILE");
        if (value == null) {
            return true;
        }
        Optional<Boolean> parsed = ConfigLiterals.parseLenientBoolean(value);
        if (parsed.isEmpty()) {
            throw originOf("REQUIRE_LOCAL_CONFIG_FILE").error("REQUIRE_LOCAL_CONFIG_FILE is not a boolean: " + value);
        }
        return parsed.get();
    }

    /** USER_CONFIG_FILE (an absolute path, or a name in ~/.condor), for processes that cannot switch ids. */
    private void readUserConfig() throws ConfigException {
        String name = state.param("USER_CONFIG_FILE");
        if (name == null || env.privileged()) {
            return;
        }
        Path file;
        if (name.startsWith("/")) {
            file = state.resolve(name);
        } else if (env.userHome().isPresent()) {
            file = env.userHome().get().resolve(".condor").resolve(name);
        } else {
            return;
        }
        if (Files.isReadable(file) && !Files.isDirectory(file)) {
            files.read(file, 1);
        }
    }

    /**
     * {@code _CONDOR_<NAME>=value} (prefix in any case): the name ends at the first white space, the value loses
     * its leading white space. References to the knob itself expand to its value from the files.
     */
    private void insertEnvironmentOverrides() throws ConfigException {
        Map<String, String> sorted = new TreeMap<>(env.environment());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String key = e.getKey();
            if (key.length() <= ENV_PREFIX.length() || !Ascii.startsWithIgnoreCase(key, ENV_PREFIX)) {
                continue;
            }
            String name = key.substring(ENV_PREFIX.length());
            for (int i = 0; i < name.length(); i++) {
                if (Ascii.isSpace(name.charAt(i))) {
                    name = name.substring(0, i);
                    break;
                }
            }
            if (name.isEmpty()) {
                continue;
            }
            String value = e.getValue().substring(StatementSyntax.skipSpace(e.getValue(), 0));
            ValueOrigin origin = new ValueOrigin("environment variable " + key, null, 0);
            try {
                // Unlike a file's assignment, only a knob that exists gets its self references expanded.
                boolean exists = state.macros().find(name) != null;
                state.macros().put(name, exists ? state.expander().expandSelf(value, name) : value, origin);
            } catch (EvaluationException ex) {
                throw origin.error(name + ": " + ex.getMessage());
            }
        }
    }

    /** UID_DOMAIN and FILESYSTEM_DOMAIN default to the full host name when they end up empty. */
    private void insertDomainFallbacks() throws ConfigException {
        String full = state.macros().find("FULL_HOSTNAME").rawValue();
        for (String name : List.of("FILESYSTEM_DOMAIN", "UID_DOMAIN")) {
            if (state.param(name) == null) {
                detected(name, full);
            }
        }
    }

    /**
     * AUTO_USE_<CATEGORY>_<NAME> = condition, configured or built in: applies metaknob CATEGORY:NAME when the
     * condition is true. Names are visited in HTCondor's order (sorted ignoring case).
     */
    private void applyAutoUse() throws ConfigException {
        MetaknobApplier applier = new MetaknobApplier(state);
        TreeMap<String, String> names = new TreeMap<>();
        state.macros().definitions().forEach(d -> names.put(Ascii.lower(d.name()), d.name()));
        DefaultTable.forVersion(env.version()).names().forEach(n -> names.putIfAbsent(Ascii.lower(n), n));
        for (String name : names.values()) {
            Matcher m = AUTO_USE.matcher(name);
            if (!m.lookingAt()) {
                continue;
            }
            String trigger = state.param(name);
            if (trigger == null) {
                continue;
            }
            boolean fire;
            try {
                fire = state.conditions().test(trigger);
            } catch (EvaluationException e) {
                state.warn("configuration error while interpreting " + name + ": " + e.getMessage());
                continue;
            }
            if (fire) {
                applier.apply(m.group(1), m.group(2), 1, new ValueOrigin(name, null, 0));
            }
        }
    }

    private ValueOrigin originOf(String name) {
        return state.macros().originOf(name).orElse(ValueOrigin.DEFAULT);
    }

    /** The directory part of a path as HTCondor's condor_dirname gives it ("." when there is none). */
    static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}
