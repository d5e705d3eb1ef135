package org.jcedar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jcedar.client.ClientConfiguration;
import org.jcedar.keys.MalformedTokenException;
import org.jcedar.keys.TokenDirectory;
import org.jcedar.keys.UnverifiedToken;

/**
 * {@code condor_token_list}: prints {@code Header: <json> Payload: <json> File: <path>} for every token
 * line that decodes, without verifying anything; other lines are skipped silently. Output, option handling
 * and exit statuses follow HTCondor 23.9.6 (25.x prints the same lines; its {@code -capability} daemon query
 * is not offered). Files are listed in directory order (readdir, as HTCondor), with no owner or mode check.
 */
public final class TokenListTool {
    static final String NAME = "condor_token_list";
    static final String USAGE = "Usage: " + NAME + " [-dir PATH]\n"
            + "Lists the tokens available to the current user.\n"
            + "\n"
            + "options:\n"
            + "    -dir  <path>  Look in the given directory for tokens\n"
            + "    -file  <filename>  Look in the given file for a token\n"
            + "    -help         print this message\n"
            + "\n"
            + "If no -dir agument is supplied, tokens are located by using the condor config files.\n"
            + "Ordinary users will use SEC_TOKEN_DIRECTORY or ~/tokens.d,"
            + " The root user will use SEC_TOKEN_SYSTEM_DIRECTORY.\n";
    /** A token file larger than this is not read (HTCondor has no limit). */
    private static final long MAX_FILE_BYTES = 1 << 20;

    private TokenListTool() {
    }

    public static void main(String[] args) {
        ToolContext.exit(NAME, TokenListTool::run, args);
    }

    /** Runs the tool; returns its exit status. */
    public static int run(String[] args, ToolContext context) {
        Optional<String> dir = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (DashOption.matchesWithColon(arg, "debug", 1)) {
                continue;
            } else if (DashOption.matches(arg, "help", 1)) {
                context.out().print(USAGE);
                return 0;
            } else if (DashOption.matches(arg, "dir", 2) || DashOption.matches(arg, "file", 1)) {
                boolean isDir = DashOption.matches(arg, "dir", 2);
                if (i + 1 >= args.length) {
                    String missing = isDir ? "-dir requires path argument." : "-file requires file argument.";
                    context.err().print(NAME + ": " + missing + "\n" + USAGE);
                    return 1;
                }
                if (!isDir) {
                    // HTCondor lists the file at once and exits; later arguments are never looked at.
                    printTokens(Path.of(args[i + 1]), args[i + 1], context.out());
                    return 0;
                }
                dir = Optional.of(args[++i]);
            } else {
                context.err().print(NAME + ": Invalid command line argument: " + arg + "\n" + USAGE);
                return 1;
            }
        }
        Optional<String> directory = dir.or(() -> TokenDirectory.locate(
                context.config().path("SEC_TOKEN_DIRECTORY"), context.config().path("SEC_TOKEN_SYSTEM_DIRECTORY"),
                context.isRoot(), context.home()).map(Path::toString));
        Optional<Pattern> exclude = excludeRegexp(context.config());
        if (directory.isPresent() && exclude.isPresent()) {
            printDirectory(directory.get(), exclude.get(), context.out());
        }
        return 0;
    }

    /** HTCondor lists nothing when LOCAL_CONFIG_DIR_EXCLUDE_REGEXP is unset or not a valid regexp. */
    private static Optional<Pattern> excludeRegexp(ClientConfiguration config) {
        try {
            return config.get("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP").map(Pattern::compile);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Paths are shown as HTCondor's dircat makes them: the directory as given, one '/', the name. */
    private static void printDirectory(String directory, Pattern exclude, PrintStream out) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(directory))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isDirectory(entry) && !exclude.matcher(name).find()) {
                    printTokens(entry, prefix + name, out);
                }
            }
        } catch (IOException | SecurityException e) {
            // HTCondor only logs that it cannot open the directory; the tool still succeeds.
        }
    }

    private static void printTokens(Path file, String shownPath, PrintStream out) {
        byte[] content;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return;
            }
            content = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return;
        }
        for (byte[] raw : FgetsLines.split(content)) {
            String line = TokenDirectory.trimCSpace(new String(raw, StandardCharsets.ISO_8859_1));
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            try {
                UnverifiedToken token = UnverifiedToken.parse(line);
                out.print("Header: ");
                writeCString(out, token.headerJson());
                out.print(" Payload: ");
                writeCString(out, token.payloadJson());
                out.print(" File: " + shownPath + "\n");
            } catch (MalformedTokenException e) {
                // HTCondor logs "Failed to decode JWT in keyfile; ignoring." and goes on.
            }
        }
        out.flush();
    }

    /** printf("%s") of a std::string: the bytes up to the first NUL. */
    private static void writeCString(PrintStream out, byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        out.write(bytes, 0, end);
    }
}
