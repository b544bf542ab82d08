package io.chainlake.dwd;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN "parse once": all DWD jobs of a build run in one job whose graph holds a single parse_block operator. */
class DwdParseOnceIT {

    @TempDir
    Path dir;

    @Test
    void everyDwdJobSharesOneParseOperator() {
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            session.createTables(Layer.ODS);
            session.createTables(Layer.DWD);
            session.createViews(Layer.DWD);
            LayerBuilder builder = new LayerBuilder(session);
            List<List<String>> waves = builder.waves(Layer.DWD);
            // the chain jobs that read the parsed blocks run together (other DWD jobs may run in later waves)
            List<String> chainWave = waves.stream().filter(w -> w.contains("btc_tx")).findFirst().orElseThrow();
            assertThat(chainWave).as("DWD jobs of the wave that parses blocks")
                    .contains("btc_block", "btc_tx", "btc_input", "btc_output");

            StreamStatementSet set = session.tableEnv().createStatementSet();
            chainWave.forEach(table -> set.addInsertSql(builder.insertStatement(Layer.DWD, table)));
            set.attachAsDataStream();
            List<String> operators = session.env().getStreamGraph().getStreamNodes().stream()
                    .map(StreamNode::getOperatorDescription)
                    .toList();
            assertThat(operators.stream().filter(name -> name.contains("parse_block")))
                    .as("operators invoking parse_block among %s", operators).hasSize(1);
        }
    }
}
