package org.jcedar.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metaknobs ({@code use CATEGORY:NAME}) we carry: their statements as HTCondor defines them for one series,
 * without HTCondor's comments. The data is in {@code metaknobs-<series>.cfg} next to this class: a
 * {@code [CATEGORY:NAME]} header, then the statements. Categories and names compare ignoring ASCII case.
 */
final class MetaknobTable {
    private static final MetaknobTable SERIES_23 = new MetaknobTable("metaknobs-23.cfg");
    private static final MetaknobTable SERIES_25 = new MetaknobTable("metaknobs-25.cfg");

    private final String resource;
    /**
     * lower(category) to lower(name) to the metaknob's statements; read at the first look-up, as most
     * configurations use no metaknob (docs/performance.md).
     */
    private Map<String, Map<String, String>> bodies;

    private MetaknobTable(String resource) {
        this.resource = resource;
    }

    static MetaknobTable forVersion(HtcondorVersion version) {
        return version.tableSeries() == 23 ? SERIES_23 : SERIES_25;
    }

    /** Whether we carry any metaknob of {@code category}. */
    boolean hasCategory(String category) {
        return bodies().containsKey(Ascii.lower(category));
    }

    /** The statements of {@code category:name}, if we carry that metaknob. */
    Optional<String> body(String category, String name) {
        Map<String, String> inCategory = bodies().get(Ascii.lower(category));
        return inCategory == null ? Optional.empty() : Optional.ofNullable(inCategory.get(Ascii.lower(name)));
    }

    private synchronized Map<String, Map<String, String>> bodies() {
        if (bodies == null) {
            bodies = load(resource);
        }
        return bodies;
    }

    private static Map<String, Map<String, String>> load(String resource) {
        Map<String, StringBuilder> byHeader = new LinkedHashMap<>();
        StringBuilder body = null;
        for (String line : BuiltinResource.lines(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                String header = line.substring(1, line.length() - 1);
                if (header.indexOf(':') <= 0) {
                    throw new IllegalStateException(resource + ": not [CATEGORY:NAME]: " + line);
                }
                body = new StringBuilder();
                byHeader.put(header, body);
            } else if (body != null && !line.isBlank()) {
                body.append(line).append('\n');
            }
        }
        Map<String, Map<String, String>> bodies = new LinkedHashMap<>();
        byHeader.forEach((header, text) -> {
            int colon = header.indexOf(':');
            bodies.computeIfAbsent(Ascii.lower(header.substring(0, colon)), k -> new LinkedHashMap<>())
                    .put(Ascii.lower(header.substring(colon + 1)), text.toString());
        });
        return bodies;
    }
}
