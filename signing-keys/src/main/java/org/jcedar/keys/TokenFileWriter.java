package org.jcedar.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a token where HTCondor's write_out_token puts it (30 §6.1), but safer: HTCondor truncates and
 * rewrites an existing file in place, keeping its owner and mode (even 0644); we write a 0600 temporary
 * file in the same directory and rename it over the target, so a crash never leaves a partial token and
 * a token is never readable by others. Like HTCondor, a symbolic link at the target is refused.
 */
public final class TokenFileWriter {
    private TokenFileWriter() {
    }

    /**
     * {@code -token NAME}: writes {@code directory/NAME}, creating missing directories with mode 0700.
     * NAME must be a plain file name.
     */
    public static Path writeToDirectory(Path directory, String name, String token) throws TokenFileException {
        requirePlainName(name);
        try {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new TokenFileException("Cannot create token directory " + directory + ": " + describe(e), e);
        }
        Path target = Path.of(directory + "/" + name);
        writeToFile(target, token);
        return target;
    }

    /** HTCondor checks a {@code -token} name before it looks for the directory: it must be its own basename. */
    public static void requirePlainName(String name) throws TokenFileException {
        Path plain = name.isEmpty() || name.indexOf('\0') >= 0 ? null : Path.of(name).getFileName();
        if (plain == null || !plain.toString().equals(name) || name.equals(".") || name.equals("..")) {
            throw new TokenFileException("Token name isn't a plain filename");
        }
    }

    /** {@code -file NAME}: writes the token and a newline to {@code file}; its directory must exist. */
    public static void writeToFile(Path file, String token) throws TokenFileException {
        if (Files.isSymbolicLink(file)) {
            throw new TokenFileException("Cannot write token to " + file + ": File exists (errno=17)");
        }
        try {
            PrivateFileWriter.replace(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new TokenFileException("Cannot write token to " + file + ": " + describe(e), e);
        }
    }

    /** strerror-style text with errno, as HTCondor prints it, for the failures a path can cause. */
    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory (errno=2)";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied (errno=13)";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists (errno=17)";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory (errno=20)";
        }
        return String.valueOf(e.getMessage());
    }
}
