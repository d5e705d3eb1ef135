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
    private static final Map<Integer, MetaknobTable> BY_SERIES = Map.of(
            23, load("metaknobs-23.cfg"),
            25, load("metaknobs-25.cfg"));

    /** lower(category) to lower(name) to the metaknob's statements. */
    private final Map<String, Map<String, String>> bodies;

    private MetaknobTable(Map<String, Map<String, String>> bodies) {
        this.bodies = bodies;
    }

    static MetaknobTable forVersion(HtcondorVersion version) {
        return BY_SERIES.get(version.tableSeries());
    }

    /** Whether we carry any metaknob of {@code category}. */
    boolean hasCategory(String category) {
        return bodies.containsKey(Ascii.lower(category));
    }

    /** The statements of {@code category:name}, if we carry that metaknob. */
    Optional<String> body(String category, String name) {
        Map<String, String> inCategory = bodies.get(Ascii.lower(category));
        return inCategory == null ? Optional.empty() : Optional.ofNullable(inCategory.get(Ascii.lower(name)));
    }

    private static MetaknobTable load(String resource) {
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
        return new MetaknobTable(bodies);
    }
}
