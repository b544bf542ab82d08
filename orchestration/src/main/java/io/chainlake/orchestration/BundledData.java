package io.chainlake.orchestration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real mainnet data shipped in {@code data/chain/mainnet} (see data/README.md for sources and facts). */
record BundledData(Path dir) {

    static BundledData locate() {
        String home = System.getProperty("chainlake.home");
        for (Path start : home == null ? List.of(Path.of("").toAbsolutePath()) : List.of(Path.of(home), Path.of("").toAbsolutePath())) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path dir = p.resolve("data/chain/mainnet");
                if (Files.isDirectory(dir)) {
                    return new BundledData(dir);
                }
            }
        }
        throw new IllegalStateException("bundled data folder data/chain/mainnet not found; run from the chainlake checkout");
    }

    List<Path> blockFiles() {
        return List.of(dir.resolve("blocks-000000-000438.blk"), dir.resolve("block-277647.blk"),
                dir.resolve("sample-blocks-2012-2019.blk"));
    }

    Path prevouts() {
        return dir.resolve("block-277647.prevouts.jsonl");
    }

    Path heights() {
        return dir.resolve("sample-blocks-2012-2019.heights");
    }
}
