package org.jcedar.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knobs read so far and the built-in defaults behind them, looked up the way HTCondor does for one
 * subsystem: {@code LOCALNAME.NAME}, then {@code SUBSYSTEM.NAME}, then {@code NAME}, each first among the
 * configured knobs and then among the defaults. Names compare ignoring ASCII case; a name keeps the spelling it
 * was first given. Values are raw (unexpanded).
 */
final class MacroSet {
    /** One configured knob. */
    record Definition(String name, String rawValue, ValueOrigin origin) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final DefaultTable defaults;
    private final String subsystem;
    private final String localName;
    private final Map<String, String> environment;

    MacroSet(DefaultTable defaults, String subsystem, String localName, Map<String, String> environment) {
        this.defaults = defaults;
        this.subsystem = subsystem;
        this.localName = localName;
        this.environment = environment;
    }

    /** The raw value {@code name} has for this subsystem, or null if it is undefined (it may be empty). */
    String lookup(String name) {
        for (String key : candidateKeys(name)) {
            Definition configured = find(key);
            if (configured != null) {
                return configured.rawValue();
            }
            Optional<String> builtIn = defaults.rawValue(key);
            if (builtIn.isPresent()) {
                return builtIn.get();
            }
        }
        return null;
    }

    /** Which key a look-up of a name uses, and whether it is a configured knob or a built-in default. */
    record Resolved(String key, boolean configured) {
    }

    /** The key {@link #lookup} takes {@code name}'s value from, if it is defined. */
    Optional<Resolved> resolve(String name) {
        for (String key : candidateKeys(name)) {
            if (find(key) != null) {
                return Optional.of(new Resolved(key, true));
            }
            if (defaults.rawValue(key).isPresent()) {
                return Optional.of(new Resolved(key, false));
            }
        }
        return Optional.empty();
    }

    /** Where the value {@link #lookup} finds for {@code name} comes from, if it is defined. */
    Optional<ValueOrigin> originOf(String name) {
        for (String key : candidateKeys(name)) {
            Definition configured = find(key);
            if (configured != null) {
                return Optional.of(configured.origin());
            }
            if (defaults.rawValue(key).isPresent()) {
                return Optional.of(ValueOrigin.DEFAULT);
            }
        }
        return Optional.empty();
    }

    /** {@code LOCALNAME.name}, {@code SUBSYSTEM.name}, {@code name}: the keys a look-up tries, in order. */
    private List<String> candidateKeys(String name) {
        List<String> keys = new ArrayList<>(3);
        if (localName != null) {
            keys.add(localName + "." + name);
        }
        if (subsystem != null) {
            keys.add(subsystem + "." + name);
        }
        keys.add(name);
        return keys;
    }

    /** The configured knob named exactly {@code name} (ignoring case, no prefix search), or null. */
    Definition find(String name) {
        return definitions.get(Ascii.lower(name));
    }

    /** Sets {@code name} to {@code rawValue}; a knob already present keeps its first spelling. */
    void put(String name, String rawValue, ValueOrigin origin) {
        String key = Ascii.lower(name);
        Definition old = definitions.get(key);
        definitions.put(key, new Definition(old == null ? name : old.name(), rawValue, origin));
    }

    /** The configured knobs, in the order they were first set. */
    List<Definition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** The configured knobs, sorted by name ignoring case, as HTCondor iterates its table. */
    List<Definition> sortedDefinitions() {
        List<Definition> sorted = new ArrayList<>(definitions.values());
        sorted.sort((a, b) -> Ascii.lower(a.name()).compareTo(Ascii.lower(b.name())));
        return sorted;
    }

    /** An environment variable, for {@code $ENV(...)}. */
    String environmentVariable(String name) {
        return environment.get(name);
    }

    String subsystem() {
        return subsystem;
    }

    String localName() {
        return localName;
    }
}
