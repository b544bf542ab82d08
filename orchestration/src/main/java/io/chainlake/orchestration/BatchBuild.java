package io.chainlake.orchestration;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.catalog.WarehouseSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** ODS → DWD → DWS → ADS in batch mode: every layer rebuilt from the one below, one progress line per job. */
final class BatchBuild {

    static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    private BatchBuild() {}

    static List<JobRun> run(WarehouseSession session, Consumer<String> progress) throws Exception {
        session.createTables(Layer.ODS);
        if (session.count("ods.btc_block_raw") == 0) {
            throw new IllegalStateException("the warehouse at " + session.config().warehouse()
                    + " holds no blocks: run ./chainlake load-blocks first");
        }
        LayerBuilder builder = new LayerBuilder(session);
        List<JobRun> runs = new ArrayList<>();
        for (Layer layer : LAYERS.subList(1, LAYERS.size())) {
            progress.accept(layer.database() + ":");
            runs.addAll(builder.build(layer, progress));
        }
        return runs;
    }
}
