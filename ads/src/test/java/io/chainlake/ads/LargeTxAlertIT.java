package io.chainlake.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.PaimonBatchWriter;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.BlockTransactions;
import io.chainlake.ods.blockfile.BlockTransactions.RawTransaction;
import io.chainlake.ods.blockfile.FoundBlock;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.BlockLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.Row;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ads.large_tx_alert built in batch from relayed transactions (real ones, cut from the bundled blocks) before and
 * after their block is loaded: the first Bitcoin payment is unconfirmed, then confirmed at height 170.
 */
class LargeTxAlertIT {

    /** Block 170's payment: 10 BTC to Hal Finney, 40 BTC change; its input is block 9's 50 BTC coinbase, fee 0. */
    private static final String PAYMENT = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    /** Block 170 as explorers show it. */
    private static final String BLOCK_170 = "00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee";
    private static final LocalDateTime BLOCK_170_TIME = LocalDateTime.parse("2009-01-12T03:30:25");
    private static final LocalDateTime SEEN = LocalDateTime.parse("2009-01-12T03:21:07");

    @TempDir
    Path dir;

    @Test
    void aLargePaymentIsUnconfirmedUntilItsBlockIsLoadedThenConfirmed() throws Exception {
        Path blocks = TestWarehouse.mainnetFile("blocks-000000-000438.blk");
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            session.createTables(Layer.ODS);
            List<RawTransaction> relayed = relayedBefore(blocks, 170, 181);
            assertThat(relayed).extracting(RawTransaction::txid).contains(PAYMENT);
            RawTransaction otherNetwork = relayed.get(relayed.size() - 1); // block 181's payment, not a large one
            assertThat(otherNetwork.txid()).isNotEqualTo(PAYMENT);
            try (PaimonBatchWriter ods = PaimonBatchWriter.append(session, "ods.btc_mempool_tx")) {
                long offset = 0;
                for (RawTransaction tx : relayed) {
                    ods.write(message(tx.txid(), tx.raw(), tx == otherNetwork ? "testnet3" : "main", offset++));
                }
                // a message that is no transaction: kept in DWD with its reason, never alerted on
                ods.write(message("00".repeat(32), new byte[] {1, 2, 3}, "main", offset));
                ods.commit();
            }

            build(session);
            List<Row> unconfirmed = session.query("SELECT * FROM ads.large_tx_alert");
            assertThat(unconfirmed).hasSize(1);
            Row alert = unconfirmed.get(0);
            assertThat(alert.getField("txid")).isEqualTo(PAYMENT);
            assertThat(alert.getField("status")).isEqualTo("unconfirmed");
            assertThat(alert.getField("first_seen_at")).isEqualTo(SEEN);
            assertThat(alert.getField("confirmed_at")).isNull();
            assertThat(alert.getField("block_height")).isNull();
            assertThat(alert.getField("block_hash")).isNull();
            assertThat(alert.getField("value_sat")).isEqualTo(5_000_000_000L); // exactly the 50 BTC threshold
            assertThat(alert.getField("value_btc")).isEqualTo(new BigDecimal("50.00000000"));
            assertThat(alert.getField("fee_sat")).isNull();
            assertThat((String[]) alert.getField("receiver_addresses")) // sorted, as when mined
                    .containsExactly("12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
            assertThat(session.query("SELECT txid, problem FROM dwd.btc_mempool_tx WHERE problem IS NOT NULL"))
                    .extracting(r -> r.getField("problem"))
                    .containsExactlyInAnyOrder("transaction of 3 bytes: truncated", "a transaction of network "
                            + "testnet3 (its network header), but this warehouse is main");

            new BlockLoader(session, Network.MAIN, line -> { }, line -> { }).load(List.of(blocks), List.of(), null);
            build(session);
            List<Row> confirmed = session.query("SELECT * FROM ads.large_tx_alert WHERE txid = '" + PAYMENT + "'");
            assertThat(confirmed).hasSize(1);
            alert = confirmed.get(0);
            assertThat(alert.getField("status")).isEqualTo("confirmed");
            assertThat(alert.getField("first_seen_at")).isEqualTo(SEEN);
            assertThat(alert.getField("confirmed_at")).isEqualTo(BLOCK_170_TIME);
            assertThat(alert.getField("block_height")).isEqualTo(170);
            assertThat(alert.getField("block_hash")).isEqualTo(BLOCK_170);
            assertThat(alert.getField("value_sat")).isEqualTo(5_000_000_000L);
            assertThat(alert.getField("fee_sat")).isEqualTo(0L);
        }
    }

    private static void build(WarehouseSession session) throws Exception {
        LayerBuilder builder = new LayerBuilder(session);
        for (Layer layer : List.of(Layer.DWD, Layer.DWS, Layer.ADS)) {
            builder.build(layer, line -> { });
        }
    }

    /** The non-coinbase transactions of the blocks at the given heights, as replay --mempool would publish them. */
    private static List<RawTransaction> relayedBefore(Path blockFile, int... heights) throws Exception {
        List<FoundBlock> found = new ArrayList<>();
        new BlockFileReader(Network.MAIN).read(List.of(blockFile), entry -> {
            if (entry instanceof FoundBlock block) {
                found.add(block);
            }
        });
        List<RawTransaction> txs = new ArrayList<>();
        for (int height : heights) {
            txs.addAll(BlockTransactions.nonCoinbase(found.get(height).raw())); // the file holds heights in order
        }
        return txs;
    }

    private static GenericRow message(String txid, byte[] raw, String network, long offset) {
        Timestamp seen = Timestamp.fromLocalDateTime(SEEN);
        return GenericRow.of(BinaryString.fromString(txid), raw, BinaryString.fromString(network), seen,
                BinaryString.fromString("btc.mempool_tx"), 0, offset, seen);
    }
}
