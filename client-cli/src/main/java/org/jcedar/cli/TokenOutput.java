package org.jcedar.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.jcedar.keys.TokenDirectory;
import org.jcedar.keys.TokenFileException;
import org.jcedar.keys.TokenFileWriter;

/**
 * Puts a token where HTCondor's write_out_token does (30 §6.1), for the tools that make tokens: stdout
 * when neither {@code -token} nor {@code -file} is given, the token directory for {@code -token NAME}, the
 * named file for {@code -file NAME}. Failures print HTCondor's message and give exit status 1.
 */
final class TokenOutput {
    /** Where to write; the last of {@code -token}/{@code -file} on the command line wins. */
    record Destination(Optional<String> tokenName, Optional<String> fileName) {
        static final Destination STDOUT = new Destination(Optional.empty(), Optional.empty());

        static Destination tokenDirectory(String name) {
            return new Destination(Optional.of(name), Optional.empty());
        }

        static Destination file(String name) {
            return new Destination(Optional.empty(), Optional.of(name));
        }
    }

    private TokenOutput() {
    }

    static int write(String token, Destination destination, ToolContext context) {
        try {
            if (destination.fileName().isPresent()) {
                TokenFileWriter.writeToFile(Path.of(destination.fileName().get()), token);
            } else if (destination.tokenName().isPresent()) {
                TokenFileWriter.requirePlainName(destination.tokenName().get());
                Optional<Path> directory = TokenDirectory.locate(context.config().path("SEC_TOKEN_DIRECTORY"),
                        context.config().path("SEC_TOKEN_SYSTEM_DIRECTORY"), context.isRoot(), context.home());
                if (directory.isEmpty()) {
                    context.err().print("No token directory is configured (SEC_TOKEN_SYSTEM_DIRECTORY is unset)\n");
                    return 1;
                }
                TokenFileWriter.writeToDirectory(directory.get(), destination.tokenName().get(), token);
            } else {
                context.out().print(token + "\n");
            }
            return 0;
        } catch (TokenFileException e) {
            context.err().print(e.getMessage() + "\n");
            return 1;
        }
    }
}
