package org.jcedar.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token files a client presents from, read as HTCondor's token search reads them (30 §4.2): which
 * directory, which files count, in which order, and which lines are tokens.
 */
public final class TokenDirectory {
    /** Larger token files are skipped (HTCondor has no limit; a token is a few hundred bytes). */
    public static final int MAX_TOKEN_FILE_BYTES = 1 << 20;

    /** One token line and the file it came from. */
    public record Candidate(Path file, String token) {
    }

    /** A file that was not used, and why (wrong owner, group/other bits, unreadable, ...). */
    public record Skipped(Path file, String reason) {
    }

    /** The token lines in presentation order, and the files left out. */
    public record Contents(List<Candidate> candidates, List<Skipped> skipped) {
    }

    private TokenDirectory() {
    }

    /**
     * Where tokens are read from and written to (30 §4.2, §6.1): SEC_TOKEN_DIRECTORY if set; else
     * {@code $HOME/.condor/tokens.d} for a process that cannot switch uids (not root); else
     * SEC_TOKEN_SYSTEM_DIRECTORY. (Requests made on behalf of another owner are a daemon's business.)
     */
    public static Optional<Path> locate(Optional<Path> secTokenDirectory, Optional<Path> systemDirectory,
                                        boolean root, Path home) {
        if (secTokenDirectory.isPresent()) {
            return secTokenDirectory;
        }
        return root ? systemDirectory : Optional.of(home.resolve(".condor").resolve("tokens.d"));
    }

    /**
     * Reads {@code directory}: entries that are directories or whose names {@code excludeRegexp} finds are
     * ignored; {@code <subsystem>_auto_generated_token} (any case) comes first, then the rest sorted by path
     * bytes; a file is used only if owned by {@code ownerUid} with no group/other bits; its content up to
     * the first NUL is split on newlines, each line trimmed, and empty and '#' lines dropped. A missing
     * or unreadable directory yields nothing.
     */
    public static Contents read(Path directory, String subsystem, Pattern excludeRegexp, long ownerUid) {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (!Files.isDirectory(entry) && !excludeRegexp.matcher(entry.getFileName().toString()).find()) {
                    files.add(entry);
                }
            }
        } catch (IOException | SecurityException e) {
            return new Contents(List.of(), List.of(new Skipped(directory, "cannot list directory: " + e)));
        }
        String preferred = subsystem + "_auto_generated_token";
        files.sort(Comparator.comparing((Path p) -> !p.getFileName().toString().equalsIgnoreCase(preferred))
                .thenComparing((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b))));
        List<Candidate> candidates = new ArrayList<>();
        for (Path file : files) {
            try {
                for (String line : tokenLines(SecureFileReader.read(file, ownerUid, MAX_TOKEN_FILE_BYTES))) {
                    candidates.add(new Candidate(file, line));
                }
            } catch (IOException e) {
                skipped.add(new Skipped(file, e.getMessage()));
            }
        }
        return new Contents(candidates, skipped);
    }

    /** The token lines of a file's content: up to the first NUL, split on '\n', trimmed, no blanks/comments. */
    public static List<String> tokenLines(byte[] content) {
        int end = 0;
        while (end < content.length && content[end] != 0) {
            end++;
        }
        List<String> lines = new ArrayList<>();
        for (String line : new String(content, 0, end, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            String trimmed = trimCSpace(line);
            if (!trimmed.isEmpty() && trimmed.charAt(0) != '#') {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    /** Trims the characters C's isspace() knows (space, \t \n \v \f \r), not Java's wider notion. */
    public static String trimCSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isCSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isCSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static byte[] bytes(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8);
    }
}
