package org.jcedar.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The HTCondor configuration as HTCondor's tools and daemons see it for one subsystem: read from the same
 * sources in the same order, with the same syntax, metaknobs and built-in defaults (see
 * docs/configuration.md). Every value is expanded when the configuration is loaded, so a value that cannot be
 * expanded is reported by {@link #load} with its file and line, and look-ups never fail. Immutable.
 */
public final class CondorConfig {
    private final ConfigEnvironment environment;
    private final MacroSet macros;
    /** Expanded values of configured knobs, by lower-case name. */
    private final Map<String, String> configured;
    /** Expanded values of built-in defaults, by lower-case name. */
    private final Map<String, String> defaults;
    private final List<String> warnings;
    private final List<Path> sourcesRead;

    private CondorConfig(ConfigEnvironment environment, MacroSet macros, Map<String, String> configured,
                         Map<String, String> defaults, List<String> warnings, List<Path> sourcesRead) {
        this.environment = environment;
        this.macros = macros;
        this.configured = configured;
        this.defaults = defaults;
        this.warnings = warnings;
        this.sourcesRead = sourcesRead;
    }

    /** Reads the configuration that {@code environment} leads to. */
    public static CondorConfig load(ConfigEnvironment environment) throws ConfigException {
        LoadState state = new ConfigLoader(environment).load();
        MacroSet macros = state.macros();
        MacroExpander expander = state.expander();
        Map<String, String> configured = new HashMap<>();
        for (MacroSet.Definition d : macros.definitions()) {
            try {
                configured.put(Ascii.lower(d.name()), expander.expand(d.rawValue(), d.name()));
            } catch (EvaluationException e) {
                throw d.origin().error(d.name() + ": " + e.getMessage());
            }
        }
        Map<String, String> defaults = new HashMap<>();
        DefaultTable table = DefaultTable.forVersion(environment.version());
        for (String name : table.names()) {
            try {
                defaults.put(Ascii.lower(name), expander.expand(table.rawValue(name).orElseThrow(), name));
            } catch (EvaluationException e) {
                throw new ConfigException("the built-in default of " + name + " cannot be expanded with this"
                        + " configuration: " + e.getMessage());
            }
        }
        List<String> warnings = List.copyOf(new LinkedHashSet<>(state.warnings()));
        return new CondorConfig(environment, macros, configured, defaults, warnings,
                List.copyOf(state.sourcesRead()));
    }

    /** Reads the configuration of this process (see {@link ConfigEnvironment#ofProcess}) for {@code subsystem}. */
    public static CondorConfig fromProcess(String subsystem) throws ConfigException {
        return load(ConfigEnvironment.ofProcess(subsystem));
    }

    /**
     * The expanded value of knob {@code name} (any case), looked up as {@code LOCALNAME.name},
     * {@code SUBSYSTEM.name}, then {@code name}; empty when undefined or when it expands to nothing, as
     * HTCondor's {@code param()} treats them the same.
     */
    public Optional<String> get(String name) {
        Optional<MacroSet.Resolved> where = macros.resolve(name);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = where.get().configured() ? configured : defaults;
        String value = values.get(Ascii.lower(where.get().key()));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@link #get(String)}, or {@code defaultValue} when that is empty. */
    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /**
     * The knob as a boolean: {@code true}/{@code false}/{@code 1}/{@code 0} in any case, or {@code defaultValue}
     * when it is undefined or empty. Any other value is an error, as it is for HTCondor (which also evaluates
     * ClassAd expressions here; we do not).
     */
    public boolean getBoolean(String name, boolean defaultValue) throws ConfigException {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<Boolean> parsed = ConfigLiterals.parseBoolean(value.get());
        if (parsed.isEmpty()) {
            throw invalid(name, value.get(), "a boolean (true, false, 1 or 0)");
        }
        return parsed.get();
    }

    /**
     * The knob as a decimal integer, or {@code defaultValue} when it is undefined or empty. Any other value is an
     * error, as it is for HTCondor (which also evaluates ClassAd expressions here; we do not).
     */
    public long getLong(String name, long defaultValue) throws ConfigException {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        OptionalLong parsed = ConfigLiterals.parseInteger(value.get());
        if (parsed.isEmpty()) {
            throw invalid(name, value.get(), "an integer");
        }
        return parsed.getAsLong();
    }

    /** The knob's value split at commas and white space, without empty items; empty when undefined. */
    public List<String> getList(String name) {
        return get(name).map(ConfigLiterals::listItems).orElse(List.of());
    }

    /**
     * The names of the knobs the configuration sources set (files, metaknobs, the environment) or HTCondor
     * detects (HOSTNAME, USERNAME, ...), in HTCondor's spelling, sorted ignoring case; built-in defaults are not
     * included.
     */
    public List<String> configuredNames() {
        return macros.sortedDefinitions().stream().map(MacroSet.Definition::name).toList();
    }

    /** Where the value {@link #get(String)} returns comes from: "file, line N", "<Default>", ... */
    public Optional<String> whereDefined(String name) {
        return macros.originOf(name).map(ValueOrigin::toString);
    }

    /** What was read but not fully understood: obsolete syntax, metaknobs we do not carry, ... */
    public List<String> warnings() {
        return warnings;
    }

    /** The configuration files read, in the order they were read (for -debug traces). */
    public List<Path> sourcesRead() {
        return sourcesRead;
    }

    /** The environment this configuration was loaded for. */
    public ConfigEnvironment environment() {
        return environment;
    }

    private ConfigException invalid(String name, String value, String expected) {
        ValueOrigin origin = macros.originOf(name).orElse(ValueOrigin.DEFAULT);
        return origin.error(name + " = '" + value + "' is not " + expected);
    }
}
