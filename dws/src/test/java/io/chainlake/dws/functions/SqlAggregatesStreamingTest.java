package io.chainlake.dws.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dws.DwsFunctions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The aggregates in streaming mode under GROUP BY over an updating input. The inner GROUP BY keeps one row per
 * transaction; when transaction 'a' is seen again with a higher fee it retracts its old row (-U) and emits the new one
 * (+U), so the outer aggregates must retract the old fee to end right.
 */
class SqlAggregatesStreamingTest {

    @Test
    void aggregatesFollowRetractions() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("parallelism.default", "1");
        new DwsFunctions().functions().forEach(tableEnv::createTemporarySystemFunction);

        String sql = """
                SELECT
                    block_height,
                    truncated_median(fee_sat) AS median_fee,
                    feerate_percentiles(fee_sat, weight) AS feerates
                FROM (
                    SELECT block_height, txid, MAX(fee_sat) AS fee_sat, MAX(weight) AS weight
                    FROM (VALUES
                        (1, 'a', CAST(100 AS BIGINT), CAST(400 AS BIGINT)),
                        (1, 'b', CAST(200 AS BIGINT), CAST(400 AS BIGINT)),
                        (1, 'c', CAST(800 AS BIGINT), CAST(800 AS BIGINT)),
                        (1, 'a', CAST(4000 AS BIGINT), CAST(400 AS BIGINT))
                    ) AS t(block_height, txid, fee_sat, weight)
                    GROUP BY block_height, txid
                )
                GROUP BY block_height""";

        Map<Integer, Row> latest = new HashMap<>();
        List<RowKind> kinds = new ArrayList<>();
        try (CloseableIterator<Row> it = tableEnv.executeSql(sql).collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                kinds.add(row.getKind());
                int height = (Integer) row.getField("block_height");
                if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                    latest.put(height, row);
                } else {
                    latest.remove(height);
                }
            }
        }

        assertThat(kinds).contains(RowKind.UPDATE_BEFORE);
        Row row = latest.get(1);
        // Final fees 4000 (a), 200 (b), 800 (c): truncated median 800. Had a's first fee of 100 not been retracted,
        // the four fees 100, 200, 800, 4000 would give (200 + 800) / 2 = 500.
        assertThat(row.getField("median_fee")).isEqualTo(800L);
        // Feerates fee * 4 / weight: b 2 (400 WU), c 4 (800 WU), a 40 (400 WU); total 1600 WU, thresholds 160, 400,
        // 800, 1200, 1440 reached at cumulative 400 (b), 400 (b), 1200 (c), 1200 (c), 1600 (a).
        assertThat((Long[]) row.getField("feerates")).containsExactly(2L, 2L, 4L, 4L, 40L);
    }
}
