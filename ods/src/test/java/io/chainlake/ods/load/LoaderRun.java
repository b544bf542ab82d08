package io.chainlake.ods.load;

import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@link BlockLoader} run: its result and the problem lines it gave the user. */
record LoaderRun(LoadResult result, List<String> problems) {

    static LoaderRun load(WarehouseSession session, Network network, List<Path> paths, List<Path> prevouts,
            Path heights) throws Exception {
        List<String> problems = new ArrayList<>();
        LoadResult result = new BlockLoader(session, network, line -> { }, problems::add)
                .load(paths, prevouts, heights);
        return new LoaderRun(result, problems);
    }

    static LoaderRun load(WarehouseSession session, Path... paths) throws Exception {
        return load(session, Network.MAIN, List.of(paths), List.of(), null);
    }
}
