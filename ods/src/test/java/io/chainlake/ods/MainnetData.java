package io.chainlake.ods;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real mainnet data shipped in the repository ({@code data/chain/mainnet}, see {@code data/README.md}),
 * found by walking up from the working directory, so tests run from the module or from the project root.
 */
public final class MainnetData {

    private static final Path RELATIVE = Path.of("data", "chain", "mainnet");

    private MainnetData() {
    }

    /** The {@code data/chain/mainnet} directory. */
    public static Path dir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE + " directory in " + start + " or any directory above it");
    }

    /** A file in {@code data/chain/mainnet}, e.g. {@code block-277647.blk}. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing test data file " + file);
        }
        return file;
    }
}
