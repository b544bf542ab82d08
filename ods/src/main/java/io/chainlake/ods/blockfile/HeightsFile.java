package io.chainlake.ods.blockfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bitcoinj.base.Sha256Hash;

/**
 * A file of {@code block_hash,height} lines telling which height each block hash has (block files do not say).
 * Blank lines and lines starting with {@code #} are ignored, and so is a {@code block_hash,height} header line.
 * Hashes are hex in display byte order, as explorers show them.
 */
public final class HeightsFile {

    private static final String HEADER = "block_hash,height";

    private HeightsFile() {
    }

    /**
     * The heights by lower-case block hash, in file order.
     *
     * @throws IllegalArgumentException naming the file and line of the first line that is not a hash and a
     *                                  non-negative height, or that repeats a hash
     */
    public static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> heights = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equalsIgnoreCase(HEADER)) {
                    continue;
                }
                String[] fields = trimmed.split(",", -1);
                if (fields.length != 2) {
                    throw bad(file, lineNumber, "expected block_hash,height but found '" + trimmed + "'");
                }
                String hash = blockHash(file, lineNumber, fields[0].strip());
                int height = height(file, lineNumber, fields[1].strip());
                Integer firstLine = lineOf.putIfAbsent(hash, lineNumber);
                if (firstLine != null) {
                    throw bad(file, lineNumber, "block hash " + hash + " already on line " + firstLine);
                }
                heights.put(hash, height);
            }
        }
        return Collections.unmodifiableMap(heights);
    }

    private static String blockHash(Path file, int lineNumber, String text) {
        if (text.length() != Sha256Hash.LENGTH * 2) {
            throw bad(file, lineNumber, "block hash '" + text + "' is not 64 hex digits");
        }
        try {
            return Sha256Hash.wrap(text).toString();
        } catch (IllegalArgumentException e) {
            throw bad(file, lineNumber, "block hash '" + text + "' is not 64 hex digits");
        }
    }

    private static int height(Path file, int lineNumber, String text) {
        try {
            int height = Integer.parseInt(text);
            if (height >= 0) {
                return height;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(file, lineNumber, "height '" + text + "' is not a non-negative integer");
    }

    private static IllegalArgumentException bad(Path file, int lineNumber, String reason) {
        return new IllegalArgumentException(file + " line " + lineNumber + ": " + reason);
    }
}
