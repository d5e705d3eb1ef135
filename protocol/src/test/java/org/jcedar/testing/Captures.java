package org.jcedar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the captured HTCondor sessions of {@code src/test/resources/vectors/htcondor-23|htcondor-25/<scenario>/}
 * (see the README there) from the class path, so that they also work from the protocol test-jar.
 *
 * <pre>{@code
 * Capture capture = Captures.load("htcondor-23", "a-fetch-default");
 * for (byte[] payload : capture.connections().get(0).serverMessages()) {
 *     MessageReader reader = new MessageReader(payload, false);
 *     ...
 * }
 * }</pre>
 */
public final class Captures {
    public static final List<String> VERSIONS = List.of("htcondor-23", "htcondor-25");
    private static final String ROOT = "/vectors/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Captures() {
    }

    /** Every scenario of every version, in index order. */
    public static List<Capture> all() {
        List<Capture> captures = new ArrayList<>();
        for (String id : scenarioIds()) {
            int slash = id.indexOf('/');
            captures.add(load(id.substring(0, slash), id.substring(slash + 1)));
        }
        return captures;
    }

    /** One scenario, e.g. {@code load("htcondor-25", "d-fetch-name-pool")}. */
    public static Capture load(String version, String scenario) {
        String dir = version + "/" + scenario + "/";
        JsonNode connectionList = json(dir + "connections.json");
        List<CapturedConnection> connections = new ArrayList<>();
        for (JsonNode connection : connectionList) {
            connections.add(new CapturedConnection(connection.get("connection").asInt(),
                    connection.get("server_role").asText(),
                    bytes(dir + connection.get("client-to-server").get("file").asText()),
                    bytes(dir + connection.get("server-to-client").get("file").asText())));
        }
        Map<String, byte[]> keys = new TreeMap<>();
        for (String file : index()) {
            if (file.startsWith(dir + "keys/")) {
                keys.put(file.substring((dir + "keys/").length()), bytes(file));
            }
        }
        return new Capture(version, scenario, json(dir + "meta.json"), json(dir + "transcript.json"), keys,
                List.copyOf(connections));
    }

    private static Set<String> scenarioIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String file : index()) {
            String[] parts = file.split("/");
            ids.add(parts[0] + "/" + parts[1]);
        }
        return ids;
    }

    private static List<String> index() {
        return new String(bytes("captures.index"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + ROOT + path, e);
        }
    }

    static byte[] bytes(String path) {
        try (InputStream in = Captures.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + path, e);
        }
    }
}
