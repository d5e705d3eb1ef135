package org.jcedar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One captured scenario of real HTCondor (loaded by {@link Captures}).
 *
 * @param version     {@code htcondor-23} or {@code htcondor-25}
 * @param scenario    e.g. {@code a-fetch-default}
 * @param meta        meta.json: argv, environment, versions, exit status
 * @param transcript  transcript.json: per connection the messages with their frames and decoded items
 * @param keys        the pool's signing key files by name (POOL, NAMEDKEY), bytes as on disk
 * @param connections the TCP connections in the order they were opened
 */
public record Capture(String version, String scenario, JsonNode meta, JsonNode transcript, Map<String, byte[]> keys,
                      List<CapturedConnection> connections) {

    /** Whether everything after the handshake is AES-GCM (scenario h); the session key is unknown then. */
    public boolean encrypted() {
        return scenario.startsWith("h-");
    }

    @Override
    public String toString() {
        return version + "/" + scenario;
    }
}
