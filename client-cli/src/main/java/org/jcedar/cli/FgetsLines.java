package org.jcedar.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits file content into lines the way HTCondor's {@code readLine} over {@code fgets(buf, 1024, f)} does,
 * because condor_token_list's output depends on it when a file holds NUL bytes: each fgets chunk (up to and
 * including '\n', at most 1023 bytes) counts only up to its first NUL, and chunks are joined until the
 * joined text ends with '\n'. So {@code A\0B\n} is the line {@code A}, but {@code A\0x\nB\n} is {@code AB\n}.
 */
final class FgetsLines {
    private static final int CHUNK = 1023;

    private FgetsLines() {
    }

    static List<byte[]> split(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean open = false;
        int pos = 0;
        while (pos < content.length) {
            int end = pos;
            while (end < content.length && end - pos < CHUNK && content[end] != '\n') {
                end++;
            }
            if (end < content.length && end - pos < CHUNK) {
                end++; // the '\n' belongs to the chunk
            }
            int nul = pos;
            while (nul < end && content[nul] != 0) {
                nul++;
            }
            line.write(content, pos, nul - pos);
            open = true;
            pos = end;
            byte[] joined = line.toByteArray();
            if (joined.length > 0 && joined[joined.length - 1] == '\n') {
                lines.add(joined);
                line.reset();
                open = false;
            }
        }
        if (open) {
            lines.add(line.toByteArray());
        }
        return lines;
    }
}
