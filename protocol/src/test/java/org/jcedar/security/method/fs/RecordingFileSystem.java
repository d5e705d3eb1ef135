package org.jcedar.security.method.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link FsFileSystem} that records what the methods did, for replaying captured exchanges. */
final class RecordingFileSystem implements FsFileSystem {
    final List<String> operations = new ArrayList<>();
    final Map<Path, Facts> directories = new HashMap<>();
    Facts factsForNewDirectories = new Facts(true, false, 0700, 2, 65534, "nobody");

    @Override
    public void createPrivateDirectory(Path path) throws IOException {
        operations.add("mkdir " + path);
        if (directories.putIfAbsent(path, factsForNewDirectories) != null) {
            throw new IOException("File exists");
        }
    }

    @Override
    public void removeDirectory(Path path) {
        operations.add("rmdir " + path);
        directories.remove(path);
    }

    @Override
    public boolean exists(Path path) {
        return directories.containsKey(path);
    }

    @Override
    public Optional<Facts> inspect(Path path) {
        return Optional.ofNullable(directories.get(path));
    }
}
