package org.jcedar.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one load of the configuration shares between its phases and parsers: the knobs read so far, the
 * expander and condition evaluator over them, the metaknob table, the warnings, the sources read and the
 * counters that keep the load within {@link ConfigLimits}.
 */
final class LoadState {
    private final ConfigEnvironment environment;
    private final MacroSet macros;
    private final MacroExpander expander;
    private final IfCondition conditions;
    private final MetaknobTable metaknobs;
    private final List<String> warnings = new ArrayList<>();
    private final List<Path> sourcesRead = new ArrayList<>();
    private long bytesRead;
    private int metaknobUses;

    LoadState(ConfigEnvironment environment) {
        this.environment = environment;
        this.macros = new MacroSet(DefaultTable.forVersion(environment.version()), environment.subsystem(),
                environment.localName().orElse(null), environment.environment());
        this.expander = new MacroExpander(macros, warnings::add);
        this.metaknobs = MetaknobTable.forVersion(environment.version());
        this.conditions = new IfCondition(expander, metaknobs, environment.version());
    }

    MacroSet macros() {
        return macros;
    }

    MacroExpander expander() {
        return expander;
    }

    IfCondition conditions() {
        return conditions;
    }

    MetaknobTable metaknobs() {
        return metaknobs;
    }

    List<String> warnings() {
        return warnings;
    }

    List<Path> sourcesRead() {
        return sourcesRead;
    }

    void warn(String message) {
        warnings.add(message);
    }

    /** A path from the configuration, relative ones taken against the working directory. */
    Path resolve(String name) throws ConfigException {
        try {
            return environment.workingDirectory().resolve(name);
        } catch (RuntimeException e) {
            throw new ConfigException("'" + name + "' is not a usable file name: " + e.getMessage());
        }
    }

    /**
     * The text of configuration file {@code file}, recorded as read. HTCondor reads bytes; we decode UTF-8
     * (replacing invalid sequences) and refuse NUL bytes, which HTCondor's line reader mishandles.
     */
    String readSource(Path file) throws ConfigException {
        if (sourcesRead.size() >= ConfigLimits.MAX_SOURCES) {
            throw new ConfigException(file, 0, "more than " + ConfigLimits.MAX_SOURCES
                    + " configuration sources read (an include loop?)");
        }
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file, 0, "is a directory, not a configuration file");
            }
            long size = Files.size(file);
            if (size > ConfigLimits.MAX_FILE_BYTES || bytesRead + size > ConfigLimits.MAX_TOTAL_BYTES) {
                throw new ConfigException(file, 0, "too large (" + size + " bytes; at most "
                        + ConfigLimits.MAX_FILE_BYTES + " per file and " + ConfigLimits.MAX_TOTAL_BYTES + " in all)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > ConfigLimits.MAX_FILE_BYTES) {
            throw new ConfigException(file, 0, "grew past " + ConfigLimits.MAX_FILE_BYTES + " bytes while read");
        }
        bytesRead += bytes.length;
        sourcesRead.add(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ConfigException(file, lineOf(bytes, i), "contains a NUL byte");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, "cannot decode: " + e.getMessage(), e);
        }
    }

    /** Counts one metaknob application against {@link ConfigLimits#MAX_METAKNOB_USES}. */
    void countMetaknobUse(ValueOrigin site) throws ConfigException {
        if (++metaknobUses > ConfigLimits.MAX_METAKNOB_USES) {
            throw site.error("more than " + ConfigLimits.MAX_METAKNOB_USES + " metaknob applications");
        }
    }

    /**
     * The expanded value of {@code name} as HTCondor's {@code param()} returns it: null when undefined or
     * empty. An expansion error is reported at the knob's origin.
     */
    String param(String name) throws ConfigException {
        String raw = macros.lookup(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            String value = expander.expand(raw, name);
            return value.isEmpty() ? null : value;
        } catch (EvaluationException e) {
            throw macros.originOf(name).orElse(ValueOrigin.DEFAULT).error(name + ": " + e.getMessage());
        }
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
