package io.chainlake.dws.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dws.DwsFunctions;
import io.chainlake.dws.core.CoreBlockStatsFixture;
import io.chainlake.dws.core.CoreBlockStatsFixture.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL functions in a local batch TableEnvironment, registered through {@link DwsFunctions}. The aggregates run
 * over the transactions of Core's getblockstats test blocks and must give the node's recorded statistics.
 */
class SqlFunctionsBatchTest {

    private static final CoreBlockStatsFixture FIXTURE = CoreBlockStatsFixture.load();
    private static TableEnvironment tableEnv;

    @BeforeAll
    static void createTableEnvironment() {
        tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tableEnv.getConfig().set("parallelism.default", "1");
        new DwsFunctions().functions().forEach(tableEnv::createTemporarySystemFunction);
        new io.chainlake.dwd.DwdFunctions().functions().forEach(tableEnv::createTemporarySystemFunction);

        List<Row> rows = new ArrayList<>();
        for (Tx tx : FIXTURE.transactions()) {
            rows.add(Row.of(tx.height(), tx.feeSat(), tx.weight(), tx.size()));
        }
        // A transaction whose fee is unknown: both aggregates must leave it out.
        rows.add(Row.of(103, null, 4000L, 1000L));
        Table txs = tableEnv.fromValues(
                DataTypes.ROW(
                        DataTypes.FIELD("block_height", DataTypes.INT()),
                        DataTypes.FIELD("fee_sat", DataTypes.BIGINT()),
                        DataTypes.FIELD("weight", DataTypes.BIGINT()),
                        DataTypes.FIELD("size", DataTypes.BIGINT())),
                rows);
        tableEnv.createTemporaryView("tx", txs);
    }

    @Test
    void aggregatesGiveTheNodesStatistics() throws Exception {
        Map<Integer, Row> byHeight = new HashMap<>();
        for (Row row : collect("""
                SELECT
                    block_height,
                    truncated_median(fee_sat) AS medianfee,
                    truncated_median(CASE WHEN fee_sat IS NULL THEN NULL ELSE size END) AS mediantxsize,
                    feerate_percentiles(fee_sat, weight) AS feerate_percentiles
                FROM tx
                GROUP BY block_height""")) {
            byHeight.put((Integer) row.getField("block_height"), row);
        }
        for (int height : List.of(102, 103)) {
            Row row = byHeight.get(height);
            assertThat(row.getField("medianfee")).as("medianfee at %d", height)
                    .isEqualTo(FIXTURE.stats(height).get("medianfee").asLong());
            assertThat(row.getField("mediantxsize")).as("mediantxsize at %d", height)
                    .isEqualTo(FIXTURE.stats(height).get("mediantxsize").asLong());
            assertThat((Long[]) row.getField("feerate_percentiles")).as("feerate_percentiles at %d", height)
                    .containsExactly(boxed(FIXTURE.feeratePercentiles(height)));
        }
    }

    @Test
    void aggregatesOverNoRowsGiveCoresEmptyBlockValues() throws Exception {
        // Height 101 has only its coinbase: getblockstats reports medianfee 0 and feerate_percentiles all 0.
        List<Row> rows = collect("""
                SELECT truncated_median(fee_sat), feerate_percentiles(fee_sat, weight)
                FROM tx
                WHERE block_height = 101""");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getField(0)).isEqualTo(FIXTURE.stats(101).get("medianfee").asLong());
        assertThat((Long[]) rows.get(0).getField(1)).containsExactly(boxed(FIXTURE.feeratePercentiles(101)));
    }

    @Test
    void scalarFunctions() throws Exception {
        List<Row> rows = collect("""
                SELECT
                    block_subsidy(CAST(277647 AS BIGINT), 210000),
                    bits_to_difficulty(CAST(486604799 AS BIGINT)),
                    next_work_bits(CAST(486604799 AS BIGINT), CAST(1022578 AS BIGINT), 'main'),
                    hashrate_from_difficulty(CAST(1 AS DOUBLE), CAST(600 AS DOUBLE)),
                    hashrate_from_difficulty(CAST(1 AS DOUBLE), CAST(0 AS DOUBLE)),
                    mining_pool('03b78c05192f416e74506f6f6c2f7363322f384d2f2f24c0852055971201e10b0000df4a0500',
                        ARRAY['14cZMQk89mRYQkDEj8Rn25AnGoBi5H6uer']),
                    mining_pool('03b78c05', CAST(NULL AS ARRAY<STRING>)),
                    block_subsidy(CAST(NULL AS BIGINT), 210000)""");
        Row row = rows.get(0);
        assertThat(row.getField(0)).isEqualTo(2_500_000_000L);
        assertThat(row.getField(1)).isEqualTo(1.0);
        // pow_tests.cpp get_next_work: 0x1d00ffff over 1262152739 - 1261130161 s -> 0x1d00d86a
        assertThat(row.getField(2)).isEqualTo(0x1d00d86aL);
        assertThat(row.getField(3)).isEqualTo(4294967296.0 / 600.0);
        assertThat(row.getField(4)).isNull();
        // Block 363703's coinbase scriptSig ("/AntPool/") and a payout address the registry does not list.
        assertThat(row.getField(5)).isEqualTo(Row.of(61, "AntPool"));
        assertThat(row.getField(6)).isEqualTo(Row.of(null, null));
        assertThat(row.getField(7)).isNull();
    }

    @Test
    void sqlSeesTheDeclaredTypes() {
        Table table = tableEnv.sqlQuery("""
                SELECT
                    truncated_median(fee_sat),
                    feerate_percentiles(fee_sat, weight),
                    block_subsidy(CAST(1 AS BIGINT), 150),
                    bits_to_difficulty(CAST(486604799 AS BIGINT)),
                    next_work_bits(CAST(486604799 AS BIGINT), CAST(1 AS BIGINT), 'main'),
                    hashrate_from_difficulty(CAST(1 AS DOUBLE), CAST(1 AS DOUBLE)),
                    mining_pool('00', ARRAY['a'])
                FROM tx""");
        List<DataType> types = table.getResolvedSchema().getColumnDataTypes();
        assertThat(types.stream().map(t -> t.getLogicalType().asSummaryString()).toList()).containsExactly(
                "BIGINT",
                "ARRAY<BIGINT>",
                "BIGINT",
                "DOUBLE",
                "BIGINT",
                "DOUBLE",
                "ROW<`pool_id` INT, `pool_name` STRING>");
    }

    private static List<Row> collect(String sql) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tableEnv.executeSql(sql).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static Long[] boxed(long[] values) {
        Long[] result = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
