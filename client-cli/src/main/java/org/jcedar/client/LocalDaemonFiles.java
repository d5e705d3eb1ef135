package org.jcedar.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jcedar.address.AddressException;
import org.jcedar.address.SinfulAddress;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.classad.ClassAdSyntaxException;

/**
 * A local daemon's address from the files it writes (10 §6.1): its daemon ad file ({@code <SUBSYS>_DAEMON_AD_FILE},
 * address in {@code <Subsys>IpAddr} or {@code MyAddress}) and its address file ({@code <SUBSYS>_ADDRESS_FILE}, the
 * sinful on line 1). As HTCondor 25 does, a client that wants the super-user port (root, or USE_SUPER_PORT) reads
 * only the super-user address file ({@code <SUBSYS>_SUPER_ADDRESS_FILE}, else the plain one); others read the ad
 * file and then the address file.
 */
final class LocalDaemonFiles {
    /** A daemon ad file is a few kilobytes; a larger file is not one. */
    private static final int MAX_AD_FILE_BYTES = 1 << 20;
    private static final int MAX_ADDRESS_FILE_BYTES = 64 << 10;

    private LocalDaemonFiles() {
    }

    static Optional<DaemonLocation> read(String subsystem, ClientConfiguration config, boolean superPort,
                                         Trace trace) {
        if (superPort) {
            Optional<Path> superFile = config.path(subsystem + "_SUPER_ADDRESS_FILE");
            if (superFile.isPresent()) {
                return addressFile(superFile.get(), trace);
            }
            return config.path(subsystem + "_ADDRESS_FILE").flatMap(file -> addressFile(file, trace));
        }
        Optional<DaemonLocation> fromAd = config.path(subsystem + "_DAEMON_AD_FILE")
                .flatMap(file -> adFile(file, subsystem, trace));
        if (fromAd.isPresent()) {
            return fromAd;
        }
        return config.path(subsystem + "_ADDRESS_FILE").flatMap(file -> addressFile(file, trace));
    }

    private static Optional<DaemonLocation> adFile(Path file, String subsystem, Trace trace) {
        ClassAd ad;
        try {
            ad = ClassAdParser.parseLines(new String(readBounded(file, MAX_AD_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (IOException | ClassAdSyntaxException e) {
            trace.log(Trace.Category.HOSTNAME, () -> "cannot use daemon ad file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        String attribute = ad.getString(subsystem + "IpAddr").isPresent() ? subsystem + "IpAddr" : "MyAddress";
        Optional<String> sinful = ad.getString(attribute);
        if (sinful.isEmpty()) {
            trace.log(Trace.Category.HOSTNAME, () -> "daemon ad file " + file + " has no address");
            return Optional.empty();
        }
        return parse(sinful.get(), file + " (" + attribute + ")", trace)
                .map(address -> new DaemonLocation(address, ad.getString("Name"), "daemon ad file " + file));
    }

    private static Optional<DaemonLocation> addressFile(Path file, Trace trace) {
        String content;
        try {
            content = new String(readBounded(file, MAX_ADDRESS_FILE_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            trace.log(Trace.Category.HOSTNAME, () -> "cannot read address file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        String firstLine = content.lines().findFirst().orElse("").strip();
        if (!firstLine.startsWith("<")) {
            trace.log(Trace.Category.HOSTNAME, () -> "address file " + file + " does not start with an address");
            return Optional.empty();
        }
        return parse(firstLine, file.toString(), trace)
                .map(address -> new DaemonLocation(address, Optional.empty(), "address file " + file));
    }

    private static Optional<SinfulAddress> parse(String text, String where, Trace trace) {
        try {
            return Optional.of(SinfulAddress.parse(text));
        } catch (AddressException e) {
            trace.log(Trace.Category.HOSTNAME, () -> "invalid address in " + where + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static byte[] readBounded(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(limit + 1);
            if (content.length > limit) {
                throw new IOException("larger than " + limit + " bytes");
            }
            return content;
        }
    }
}
