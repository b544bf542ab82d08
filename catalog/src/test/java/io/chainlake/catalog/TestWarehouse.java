package io.chainlake.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test support shared by every module: a fresh warehouse directory, its config, and the bundled real data. */
public final class TestWarehouse {

    private TestWarehouse() {}

    /** Config of a fresh warehouse under {@code dir}, parallelism 2 as on CI. */
    public static ChainlakeConfig config(Path dir) {
        return ChainlakeConfig.defaultsWith(Map.of(ChainlakeConfig.WAREHOUSE, dir.resolve("warehouse").toString(),
                ChainlakeConfig.PARALLELISM, "2"));
    }

    /** {@code data/chain/mainnet} of the checkout, found upwards from the working directory. */
    public static Path mainnetData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("data/chain/mainnet");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("data/chain/mainnet not found above " + Path.of("").toAbsolutePath());
    }

    public static Path mainnetFile(String name) {
        Path file = mainnetData().resolve(name);
        if (!Files.exists(file)) {
            throw new IllegalStateException(new IOException("missing bundled data file " + file));
        }
        return file;
    }
}
