package org.jcedar.cli;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.keys.ProcessIdentity;

/** Runs a tool in-process with a given environment and captures its streams. */
record ToolRun(int status, byte[] stdout, byte[] stderr) {
    /**
     * Runs {@code tool} with a configuration read by the real configuration reader from a condor_config file
     * in {@code home} that sets {@code knobs} (everything else has HTCondor's defaults).
     */
    static ToolRun of(BiFunction<String[], ToolContext, Integer> tool, List<String> args, Map<String, String> knobs,
                      Path home) throws Exception {
        StringBuilder lines = new StringBuilder();
        knobs.forEach((knob, value) -> lines.append(knob).append(" = ").append(value).append('\n'));
        Path file = Files.writeString(Files.createTempFile(home, "condor_config", ""), lines);
        long uid = ProcessIdentity.realUid();
        CondorConfig config = CondorConfig.load(ConfigEnvironment.builder("TOOL")
                .environment(Map.of("CONDOR_CONFIG", file.toString())).userName(uid == 0 ? "root" : "user")
                .userHome(home).privileged(uid == 0).workingDirectory(home).globalConfigLocations(List.of()).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolContext context = new ToolContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new CondorConfigConfiguration(config), uid, home,
                Clock.systemUTC(), new SecureRandom());
        int status = tool.apply(args.toArray(String[]::new), context);
        return new ToolRun(status, out.toByteArray(), err.toByteArray());
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** A recording under src/test/resources (see the README there). */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = ToolRun.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> recordedCases(String name) throws Exception {
        return (List<Map<String, Object>>) (List<?>) JSONArrayUtils.parse(
                new String(resource(name), StandardCharsets.UTF_8));
    }
}
