package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dwd.MainnetBlocks;
import io.chainlake.ods.blockfile.BlockTransactions;
import io.chainlake.ods.blockfile.BlockTransactions.RawTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** {@link ParseTxFunction} on a transaction as a node relays it: the bytes a block holds for it. */
class ParseTxFunctionTest {

    /** Block 170's only non-coinbase transaction: Satoshi pays Hal Finney 10 BTC, 40 BTC change (any explorer). */
    private static final String FIRST_PAYMENT = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    private final ParseTxFunction function = new ParseTxFunction();
    private final List<Row> rows = new ArrayList<>();

    ParseTxFunctionTest() {
        function.setCollector(new Collector<>() {
            @Override
            public void collect(Row row) {
                rows.add(row);
            }

            @Override
            public void close() {
            }
        });
    }

    private static byte[] firstPayment() {
        List<RawTransaction> txs = BlockTransactions.nonCoinbase(MainnetBlocks.read(MainnetBlocks.FIRST_439).get(170));
        assertThat(txs).extracting(RawTransaction::txid).containsExactly(FIRST_PAYMENT);
        return txs.get(0).raw();
    }

    @Test
    void decodesTheFirstBitcoinPayment() {
        function.eval(firstPayment(), "main");

        assertThat(rows).hasSize(1);
        Row tx = rows.get(0);
        assertThat(tx.getField(0)).isEqualTo(FIRST_PAYMENT); // txid
        assertThat(tx.getField(1)).isEqualTo(FIRST_PAYMENT); // wtxid: no witness
        assertThat(tx.getField(2)).isEqualTo(275); // size, as explorers show it
        assertThat(tx.getField(3)).isEqualTo(275); // vsize
        assertThat(tx.getField(5)).isEqualTo(false); // is_coinbase
        assertThat(tx.getField(8)).isEqualTo(1); // input_count
        assertThat(tx.getField(9)).isEqualTo(2); // output_count
        assertThat(tx.getField(10)).isEqualTo(5_000_000_000L); // 10 BTC + 40 BTC
        // P2PK outputs show as their keys' P2PKH addresses: Hal Finney's, then Satoshi's change
        assertThat((String[]) tx.getField(11))
                .containsExactly("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S");
        assertThat(tx.getField(12)).isNull(); // problem
    }

    @Test
    void badMessagesGiveTheirRowWithTheReason() {
        byte[] payment = firstPayment();
        function.eval(Arrays.copyOf(payment, payment.length - 10), "main");
        function.eval(Arrays.copyOf(payment, payment.length + 3), "main");
        function.eval(null, "main");

        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row.getField(0)).isNull());
        assertThat(rows).extracting(row -> (String) row.getField(12)).containsExactly(
                "transaction of 265 bytes: truncated",
                "transaction of 278 bytes: 3 bytes after its end",
                "raw transaction is NULL");
    }
}
