package org.jcedar.config;

/**
 * Bounds that keep reading a configuration finite on any input. HTCondor has none of them: it loops forever on
 * knobs that refer to each other and follows include chains only to depth 20; these limits are far above what
 * real configurations need.
 */
final class ConfigLimits {
    /** Largest configuration file read, in bytes. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Most configuration sources (files, included files) read in one load. */
    static final int MAX_SOURCES = 4096;
    /** Most bytes read from all sources of one load together. */
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** HTCondor's CONFIG_MAX_NESTING_DEPTH: includes and metaknobs nest at most this deep. */
    static final int MAX_NESTING_DEPTH = 20;
    /** HTCondor's if/elif/else tracking holds 63 levels. */
    static final int MAX_IF_DEPTH = 63;
    /** Most {@code use} statements (metaknob applications) expanded in one load. */
    static final int MAX_METAKNOB_USES = 100_000;
    /** Longest value an expansion may produce, in characters. */
    static final int MAX_EXPANDED_LENGTH = 4 * 1024 * 1024;
    /** Most references one expansion may substitute. */
    static final int MAX_EXPANSION_STEPS = 20_000;
    /** Most characters one expansion may rescan and copy in total (each substitution rescans the value). */
    static final long MAX_EXPANSION_WORK = 16L * 1024 * 1024;
    /** Most characters all expansions of one load may rescan and copy together. */
    static final long MAX_LOAD_EXPANSION_WORK = 128L * 1024 * 1024;
    /** Deepest nesting of macro functions whose arguments name knobs that are expanded in turn. */
    static final int MAX_FUNCTION_NESTING = 64;

    private ConfigLimits() {
    }
}
