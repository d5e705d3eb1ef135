package org.jcedar.client;

import java.util.Optional;
import org.jcedar.address.SinfulAddress;

/**
 * Where a daemon was found.
 *
 * @param address the daemon's command address
 * @param name    the daemon's name, when the source said it
 * @param source  how it was found, for traces: a file, a collector query, the command line
 */
public record DaemonLocation(SinfulAddress address, Optional<String> name, String source) {
}
