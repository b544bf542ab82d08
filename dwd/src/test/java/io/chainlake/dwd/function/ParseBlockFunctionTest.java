package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.dwd.CpuThroughput;
import io.chainlake.dwd.MainnetBlocks;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** {@link ParseBlockFunction} called directly, without a Flink job. */
class ParseBlockFunctionTest {

    private final ParseBlockFunction function = new ParseBlockFunction();
    private final List<RowData> rows = new ArrayList<>();

    ParseBlockFunctionTest() {
        function.setCollector(new Collector<>() {
            @Override
            public void collect(RowData row) {
                rows.add(row);
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void rowsInTheDeclaredColumnOrder() {
        function.eval(MainnetBlocks.read(MainnetBlocks.FIRST_439).get(170), "main");

        assertThat(rows).hasSize(2);
        RowData tx = rows.get(1);
        assertThat(tx.getArity()).isEqualTo(15);
        assertThat(tx.getInt(0)).isEqualTo(1);
        assertThat(tx.getString(1).toString())
                .isEqualTo("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        assertThat(tx.getInt(3)).isEqualTo(1); // version
        assertThat(tx.getLong(4)).isZero(); // locktime
        assertThat(tx.getBoolean(9)).isFalse(); // is_coinbase
        assertThat(tx.getLong(12)).isEqualTo(5_000_000_000L);
        RowData input = tx.getArray(13).getRow(0, 6);
        assertThat(input.getString(1).toString())
                .isEqualTo("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9");
        assertThat(input.getLong(2)).isZero();
        assertThat(input.getArray(5).size()).isZero(); // no witness items
        ArrayData outputs = tx.getArray(14);
        assertThat(outputs.size()).isEqualTo(2);
        assertThat(outputs.getRow(0, 5).getString(3).toString()).isEqualTo("pubkey");
        assertThat(outputs.getRow(0, 5).getString(4).toString()).isEqualTo("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
    }

    @Test
    void segwitRowsCarryWitnessItemsAndNullAddresses() {
        // 481829, 540107, 574200 hold SegWit transactions (data/README.md)
        function.eval(MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019).get(8), "main");

        assertThat(rows).anySatisfy(tx -> {
            assertThat(tx.getBoolean(10)).isTrue(); // has_witness
            assertThat(tx.getInt(5)).isGreaterThan(tx.getInt(6)); // size > stripped_size
            assertThat(tx.getArray(13).getRow(0, 6).getArray(5).size()).isPositive();
        });
        assertThat(rows).anySatisfy(tx -> {
            ArrayData outputs = tx.getArray(14);
            for (int i = 0; i < outputs.size(); i++) {
                RowData output = outputs.getRow(i, 5);
                if (output.getString(3).toString().equals("nulldata")) {
                    assertThat(output.isNullAt(4)).isTrue();
                    return;
                }
            }
            throw new AssertionError("no nulldata output in " + tx.getString(1));
        });
    }

    @Test
    void nullBlockGivesNoRowsAndUnknownNetworkFails() {
        function.eval(null, "main");
        assertThat(rows).isEmpty();

        assertThatThrownBy(() -> function.eval(new byte[100], "bitcoin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown network 'bitcoin'");
    }

    /** Prints (does not assert) throughput of decoding plus building Flink rows, per CPU-second of one thread. */
    @Test
    void printsThroughput() {
        List<byte[]> blocks = MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019);
        double perSecond = CpuThroughput.measure(() -> {
            rows.clear();
            for (byte[] raw : blocks) {
                function.eval(raw, "main");
            }
            return rows.size();
        }, 2000, 1500);
        System.out.printf("parse_block on %s: %.0f tx per CPU-second (one thread, rows built, not serialized)%n",
                MainnetBlocks.SAMPLE_2012_2019, perSecond);
        assertThat(perSecond).isPositive();
    }
}
