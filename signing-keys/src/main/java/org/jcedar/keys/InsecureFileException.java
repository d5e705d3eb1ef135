package org.jcedar.keys;

import java.io.IOException;
import java.nio.file.Path;

/** A key or token file exists but HTCondor would not trust it: wrong owner, group/other bits, not a file. */
public final class InsecureFileException extends IOException {
    private final transient Path path;

    public InsecureFileException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
