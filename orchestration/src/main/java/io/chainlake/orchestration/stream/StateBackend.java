package io.chainlake.orchestration.stream;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the stream keeps its keyed state (the joins' and aggregates' rows, the chain index's header tree). On the
 * heap it is fastest and each checkpoint copies all of it; in RocksDB it lives on local disk, grows past the heap,
 * and each checkpoint uploads only the files changed since the last one.
 */
public enum StateBackend {
    HASHMAP,
    ROCKSDB;

    /** The name on the command line and in Flink's {@code state.backend.type}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StateBackend fromCliName(String name) {
        return Arrays.stream(values()).filter(b -> b.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown state backend '" + name + "' (one of "
                        + Arrays.stream(values()).map(StateBackend::cliName).collect(Collectors.joining(", "))
                        + ")"));
    }
}
