package io.chainlake.dws.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dws.DwsFunctions;
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
 * min_by / max_by pick a field of a group's lowest / highest block by height whatever order the rows come in and
 * however they are updated, in batch and streaming alike. Real mainnet headers: block 0 time 1231006505, block 1
 * 1231469665, block 2 1231469744, all with bits 0x1d00ffff = 486604799.
 */
class MinMaxByTest {

    private static final long GENESIS_TIME = 1231006505L;
    private static final long BLOCK_2_TIME = 1231469744L;

    private final MinByFunction minBy = new MinByFunction();
    private final MaxByFunction maxBy = new MaxByFunction();

    @Test
    void followsTheLowestAndHighestKeyThroughRetractions() throws Exception {
        ValueAtKeyAccumulator acc = minBy.createAccumulator();
        minBy.accumulate(acc, 1231469665L, 1L);
        minBy.accumulate(acc, BLOCK_2_TIME, 2L);
        assertThat(minBy.getValue(acc)).isEqualTo(1231469665L);
        assertThat(maxBy.getValue(acc)).isEqualTo(BLOCK_2_TIME);
        minBy.accumulate(acc, GENESIS_TIME, 0L);
        assertThat(minBy.getValue(acc)).isEqualTo(GENESIS_TIME);
        // the lowest row goes (a reorg): the next lowest takes its place
        minBy.retract(acc, GENESIS_TIME, 0L);
        assertThat(minBy.getValue(acc)).isEqualTo(1231469665L);
        minBy.retract(acc, 1231469665L, 1L);
        minBy.retract(acc, BLOCK_2_TIME, 2L);
        assertThat(minBy.getValue(acc)).isNull();
        assertThat(maxBy.getValue(acc)).isNull();
    }

    @Test
    void anUpdateEndsOnItsNewValueWhicheverHalfArrivesFirst() throws Exception {
        ValueAtKeyAccumulator retractFirst = minBy.createAccumulator();
        minBy.accumulate(retractFirst, 0L, 0L);
        minBy.retract(retractFirst, 0L, 0L);
        minBy.accumulate(retractFirst, GENESIS_TIME, 0L);
        ValueAtKeyAccumulator addFirst = minBy.createAccumulator();
        minBy.accumulate(addFirst, 0L, 0L);
        minBy.accumulate(addFirst, GENESIS_TIME, 0L);
        minBy.retract(addFirst, 0L, 0L);
        assertThat(minBy.getValue(retractFirst)).isEqualTo(GENESIS_TIME);
        assertThat(minBy.getValue(addFirst)).isEqualTo(GENESIS_TIME);
    }

    @Test
    void mergedPartsGiveTheSameAsOneAccumulator() throws Exception {
        ValueAtKeyAccumulator left = minBy.createAccumulator();
        ValueAtKeyAccumulator right = minBy.createAccumulator();
        minBy.accumulate(left, BLOCK_2_TIME, 2L);
        minBy.accumulate(right, GENESIS_TIME, 0L);
        minBy.accumulate(right, 1231469665L, 1L);
        minBy.merge(left, List.of(right));
        assertThat(minBy.getValue(left)).isEqualTo(GENESIS_TIME);
        assertThat(maxBy.getValue(left)).isEqualTo(BLOCK_2_TIME);
    }

    @Test
    void streamingAndBatchAgreeOverUpdatingRowsInReverseHeightOrder() throws Exception {
        // Heights arrive highest first; block 2 first carries a wrong time (0) that MAX later corrects, so the outer
        // aggregate sees a retraction of block 2's row. An order-dependent FIRST_VALUE would report block 2.
        String sql = """
                SELECT
                    epoch,
                    min_by(`time`, height) AS first_time,
                    max_by(`time`, height) AS last_time,
                    min_by(bits, height) AS bits
                FROM (
                    SELECT epoch, height, MAX(`time`) AS `time`, MAX(bits) AS bits
                    FROM (VALUES
                        (0, 2, CAST(0 AS BIGINT), CAST(486604799 AS BIGINT)),
                        (0, 1, CAST(1231469665 AS BIGINT), CAST(486604799 AS BIGINT)),
                        (0, 2, CAST(1231469744 AS BIGINT), CAST(486604799 AS BIGINT)),
                        (0, 0, CAST(1231006505 AS BIGINT), CAST(486604799 AS BIGINT))
                    ) AS t(epoch, height, `time`, bits)
                    GROUP BY epoch, height
                )
                GROUP BY epoch""";
        Row expected = Row.of(0, GENESIS_TIME, BLOCK_2_TIME, 486604799L);
        assertThat(finalRows(EnvironmentSettings.inStreamingMode(), sql)).containsExactly(expected);
        assertThat(finalRows(EnvironmentSettings.inBatchMode(), sql)).containsExactly(expected);
    }

    private static List<Row> finalRows(EnvironmentSettings settings, String sql) throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(settings);
        tableEnv.getConfig().set("parallelism.default", "1");
        new DwsFunctions().functions().forEach(tableEnv::createTemporarySystemFunction);
        Map<Object, Row> latest = new HashMap<>();
        try (CloseableIterator<Row> it = tableEnv.executeSql(sql).collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                    row.setKind(RowKind.INSERT);
                    latest.put(row.getField(0), row);
                } else {
                    latest.remove(row.getField(0));
                }
            }
        }
        return List.copyOf(latest.values());
    }
}
