package io.chainlake.orchestration;

import io.chainlake.orchestration.stream.StreamLock;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Empties a warehouse directory for a fresh run, refusing to delete a directory that is not a warehouse. */
final class FreshWarehouse {

    private static final Set<String> WAREHOUSE_ENTRIES = Set.of("ods.db", "dwd.db", "dws.db", "ads.db", "dq.db",
            "default.db", StreamLock.WAREHOUSE_LOCK);

    private FreshWarehouse() {}

    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            Set<String> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            }
            if (!WAREHOUSE_ENTRIES.containsAll(entries)) {
                throw new IllegalArgumentException(dir + " exists and is not a chainlake warehouse (it holds "
                        + entries + "); choose another --warehouse");
            }
            try (Closeable noStream = StreamLock.onWarehouse(dir); Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
