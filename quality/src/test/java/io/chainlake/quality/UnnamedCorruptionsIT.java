package io.chainlake.quality;

import static io.chainlake.quality.BundledBlockFacts.COINBASE_277647;
import static io.chainlake.quality.BundledBlockFacts.COINBASE_9;
import static io.chainlake.quality.BundledBlockFacts.TX_170;
import static io.chainlake.quality.BundledBlockFacts.TX_181;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dws.pool.HandMadeShares;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corruptions an operator or examiner might apply with {@code chainlake query} (Flink SQL DML on the Paimon tables),
 * beyond the ones QualityChecksIT and PoolQualityChecksIT name: one edited figure, a deleted or invented row, a
 * wrong but valid-looking name, a NULL where a value belongs. Each corruption must fail at least the named checks of
 * the layer it broke (warn for a warn check), with a violating row that names what was broken in dq.check_result.
 * With QualityChecksIT, PoolQualityChecksIT and PrimaryKeyChecksIT this breaks the data for every check
 * (CheckFilesTest holds them to it).
 *
 * <p>To keep the run short the corruptions of one layer are applied together to one copy of the built warehouse
 * (they touch different rows, so each leaves its own violating rows) and that layer's checks run once.
 */
class UnnamedCorruptionsIT {

    /** A valid address that pays nobody in these blocks. */
    private static final String OTHER_ADDRESS = "1BitcoinEaterAddressDontSendf59kuE";
    /** The uncompressed public key the genesis block's coinbase pays (P2PK). */
    private static final String GENESIS_PUBKEY = "04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61de"
            + "b649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f";
    /** A txid that is in no block and no relayed message of the bundled warehouse. */
    private static final String UNKNOWN_TXID = "ab".repeat(32);

    /** One corruption: DML statements and, per check that must fail, a text its sample rows must contain. */
    private record Corruption(String name, List<String> statements, Map<String, String> failsWith) {}

    private static Corruption corruption(String name, String statement, String... checkAndMarker) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < checkAndMarker.length; i += 2) {
            expected.put(checkAndMarker[i], checkAndMarker[i + 1]);
        }
        return new Corruption(name, List.of(statement.split(";\n")), expected);
    }

    @TempDir
    static Path tmp;

    private static Path chain;
    private static Path pool;

    @BeforeAll
    static void buildWarehouses() throws Exception {
        chain = BundledWarehouse.template();
        pool = tmp.resolve("pool");
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(pool))) {
            BundledWarehouse.buildPool(session);
        }
    }

    @Test
    void dwdCorruptionsFailDwdChecks() throws Exception {
        assertCaught(chain, "dwd", Layer.DWD, List.of(
                corruption("deleted output", "DELETE FROM dwd.btc_output WHERE txid = '" + COINBASE_9 + "'",
                        "dwd/btc_tx__matches_inputs_and_outputs", "output_count is not the number of output rows"),
                corruption("deleted input", "DELETE FROM dwd.btc_input WHERE txid = '" + TX_181 + "'",
                        "dwd/btc_tx__matches_inputs_and_outputs", "input_count is not the number of input rows"),
                corruption("fee one satoshi off", "UPDATE dwd.btc_tx SET fee_sat = fee_sat + 1"
                        + " WHERE block_height = 277647 AND tx_index = 1",
                        "dwd/btc_tx__matches_inputs_and_outputs", "\"block_height\":\"277647\""),
                corruption("fee rate off", "UPDATE dwd.btc_tx SET fee_rate_sat_vb = fee_rate_sat_vb + 1"
                        + " WHERE block_height = 277647 AND tx_index = 2",
                        "dwd/btc_tx__matches_inputs_and_outputs", "fee_rate_sat_vb is not fee_sat / vsize"),
                // columns no sum or count ties to another table: only parsing the raw blocks again finds them
                corruption("lock time edited", "UPDATE dwd.btc_tx SET locktime = locktime + 1"
                        + " WHERE block_height = 277647 AND tx_index = 3",
                        "dwd/btc_tx__matches_job", "locktime"),
                corruption("input sequence edited", "UPDATE dwd.btc_input SET sequence = 0"
                        + " WHERE txid = '" + TX_170 + "'",
                        "dwd/btc_input__matches_job", "sequence"),
                corruption("coinbase text edited", "UPDATE dwd.btc_block SET coinbase_text = 'chainlake'"
                        + " WHERE block_height = 310",
                        "dwd/btc_block__matches_job", "coinbase_text"),
                // block 280's coinbase paid to the genesis block's key instead, its address made to match (the
                // genesis key's address as explorers show it), so the script still decodes to its type and address
                corruption("coinbase redirected to another key", "UPDATE dwd.btc_output SET script_pubkey_hex = '41"
                        + GENESIS_PUBKEY + "ac', address = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'"
                        + " WHERE block_height = 280",
                        "dwd/btc_output__matches_job", "script_pubkey_hex")));
        // a second copy: dq.check_result keeps 5 sample rows per check, and the transactions' check fails on more
        assertCaught(chain, "dwd-2", Layer.DWD, List.of(
                corruption("block tx_count off", "UPDATE dwd.btc_block SET tx_count = tx_count + 1"
                        + " WHERE block_height = 300",
                        "dwd/btc_block__matches_ods", "\"block_height\":\"300\"",
                        "dwd/btc_block__matches_tx", "tx_count is not the number of transaction rows"),
                corruption("block off the main chain", "UPDATE dwd.btc_block SET in_main_chain = FALSE"
                        + " WHERE block_height = 301",
                        "dwd/btc_block__matches_block_chain", "\"block_height\":\"301\""),
                corruption("wrong parent", "UPDATE dwd.btc_block SET prev_block_hash = REVERSE(prev_block_hash)"
                        + " WHERE block_height = 302",
                        "dwd/btc_block__matches_ods", "\"block_height\":\"302\""),
                corruption("wrong difficulty", "UPDATE dwd.btc_block SET difficulty = difficulty * 2"
                        + " WHERE block_height = 303",
                        "dwd/btc_block__matches_ods", "difficulty is not that of bits"),
                corruption("wrong block size", "UPDATE dwd.btc_block SET size = size + 1 WHERE block_height = 304",
                        "dwd/btc_block__matches_ods", "\"block_height\":\"304\"",
                        "dwd/btc_block__matches_tx", "size is not the header"),
                corruption("wrong transaction size", "UPDATE dwd.btc_tx SET size = size + 1"
                        + " WHERE block_height = 305",
                        "dwd/btc_block__matches_tx", "\"block_height\":\"305\""),
                corruption("wrong output address", "UPDATE dwd.btc_output SET address = '" + OTHER_ADDRESS + "'"
                        + " WHERE block_height = 250",
                        "dwd/btc_output__script_decodes", "\"block_height\":\"250\""),
                corruption("valid but wrong script type", "UPDATE dwd.btc_output SET script_type = 'pubkeyhash'"
                        + " WHERE block_height = 251",
                        "dwd/btc_output__script_decodes", "\"block_height\":\"251\""),
                corruption("wrong input address", "UPDATE dwd.btc_input SET address = '" + OTHER_ADDRESS + "'"
                        + " WHERE txid = '" + TX_170 + "'",
                        "dwd/btc_input__matches_spent_output", TX_170),
                corruption("wrong input value", "UPDATE dwd.btc_input SET value_sat = value_sat + 1"
                        + " WHERE txid = '" + TX_170 + "'",
                        "dwd/btc_input__matches_spent_output", TX_170,
                        "dwd/btc_tx__matches_inputs_and_outputs", "input_value_sat is not the sum of the inputs"),
                // block 277647's coinbase pays exactly subsidy + fees; one satoshi more, consistently in both tables
                corruption("coinbase paying one satoshi too much", "UPDATE dwd.btc_output SET value_sat = value_sat + 1"
                        + " WHERE txid = '" + COINBASE_277647 + "' AND vout_index = 0;\n"
                        + "UPDATE dwd.btc_tx SET output_value_sat = output_value_sat + 1"
                        + " WHERE txid = '" + COINBASE_277647 + "'",
                        "dwd/btc_block__matches_tx", "\"excess_sat\":\"1\""),
                corruption("transaction at another height", "UPDATE dwd.btc_tx SET block_height = 999"
                        + " WHERE block_height = 260",
                        "dwd/btc_block__matches_tx", "a transaction carries another block_height",
                        "dwd/btc_tx__matches_inputs_and_outputs", "another block_height than its transaction"),
                corruption("output on another day", "UPDATE dwd.btc_output SET dt = '2009-01-01'"
                        + " WHERE block_height = 270",
                        "dwd/btc_tx__matches_inputs_and_outputs", "another dt than its transaction"),
                corruption("NULL output value", "UPDATE dwd.btc_output SET value_sat = CAST(NULL AS BIGINT)"
                        + " WHERE block_height = 290",
                        "dwd/btc_output__accepted_values", "\"value_sat\":null"),
                corruption("relayed transaction without its message", "INSERT INTO dwd.btc_mempool_tx VALUES ('"
                        + UNKNOWN_TXID + "', TIMESTAMP '2013-12-30 00:00:00', 'main', CAST(NULL AS STRING),"
                        + " CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS BOOLEAN),"
                        + " CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS BIGINT),"
                        + " CAST(NULL AS ARRAY<STRING>), 'does not decode')",
                        "dwd/btc_mempool_tx__usable_messages", "does not decode",
                        "dwd/btc_mempool_tx__matches_ods", UNKNOWN_TXID)));
    }

    @Test
    void dwsCorruptionsFailDwsChecks() throws Exception {
        assertCaught(chain, "dws", Layer.DWS, List.of(
                corruption("chain day total out", "UPDATE dws.btc_chain_day SET total_out_sat = total_out_sat + 1"
                        + " WHERE dt = '2009-01-12'",
                        "dws/btc_chain_day__matches_job", "\"dt\":\"2009-01-12\""),
                corruption("chain day of no blocks", "INSERT INTO dws.btc_chain_day SELECT '2010-06-01',"
                        + " block_count, first_height, last_height, tx_count, input_count, output_count, total_out_sat,"
                        + " total_fee_sat, subsidy_sat, segwit_tx_count, active_address_count, new_address_count,"
                        + " avg_difficulty, avg_block_interval_s, est_hashrate, feerate_p10, feerate_p25, feerate_p50,"
                        + " feerate_p75, feerate_p90 FROM dws.btc_chain_day WHERE dt = '2009-01-09'",
                        "dws/btc_chain_day__matches_dwd", "\"dt\":\"2010-06-01\"",
                        "dws/btc_chain_day__matches_job", "\"dt\":\"2010-06-01\""),
                corruption("address day tx count", "UPDATE dws.btc_address_day SET tx_count = tx_count + 1"
                        + " WHERE dt = '2009-01-10'",
                        "dws/btc_address_day__matches_job", "\"dt\":\"2009-01-10\""),
                corruption("block stats size", "UPDATE dws.btc_block_stats SET total_size = total_size + 1"
                        + " WHERE height = 277647",
                        "dws/btc_block_stats__matches_job", "\"height\":\"277647\""),
                corruption("block stats pool", "UPDATE dws.btc_block_stats SET pool_name = 'NotAPool'"
                        + " WHERE height = 169482",
                        "dws/btc_block_stats__matches_job", "\"height\":\"169482\""),
                corruption("pool day subsidy", "UPDATE dws.btc_pool_day SET subsidy_sat = subsidy_sat + 1"
                        + " WHERE dt = '2015-07-03'",
                        "dws/btc_pool_day__matches_job", "\"dt\":\"2015-07-03\""),
                corruption("large transaction height", "UPDATE dws.btc_large_tx_flow SET block_height = 1"
                        + " WHERE txid = '" + TX_170 + "'",
                        "dws/btc_large_tx_flow__matches_job", TX_170),
                corruption("deleted script type day", "DELETE FROM dws.btc_script_type_day WHERE dt = '2009-01-11'",
                        "dws/btc_script_type_day__matches_dwd", "\"dt\":\"2009-01-11\""),
                corruption("large unconfirmed transaction never relayed", "INSERT INTO dws.btc_mempool_large_tx"
                        + " VALUES ('" + UNKNOWN_TXID + "', TIMESTAMP '2013-12-30 00:00:00', CAST(500000000000 AS BIGINT),"
                        + " 2, 226, ARRAY['" + OTHER_ADDRESS + "'])",
                        "dws/btc_mempool_large_tx__matches_dwd", UNKNOWN_TXID,
                        "dws/btc_mempool_large_tx__matches_job", "row its job does not compute")));
    }

    @Test
    void adsCorruptionsFailAdsChecks() throws Exception {
        assertCaught(chain, "ads", Layer.ADS, List.of(
                corruption("report total out", "UPDATE ads.chain_daily_report SET total_out_btc = total_out_btc + 1"
                        + " WHERE dt = '2009-01-12'",
                        "ads/chain_daily_report__matches_job", "\"dt\":\"2009-01-12\""),
                corruption("deleted report day", "DELETE FROM ads.chain_daily_report WHERE dt = '2009-01-11'",
                        "ads/chain_daily_report__matches_chain_day", "\"dt\":\"2009-01-11\""),
                corruption("fee market median", "UPDATE ads.fee_market_day SET feerate_p50 = 99"
                        + " WHERE dt = '2013-12-30'",
                        "ads/fee_market_day__matches_job", "\"dt\":\"2013-12-30\""),
                corruption("pool hashrate", "UPDATE ads.mining_pool_share_day"
                        + " SET est_pool_hashrate_ehs = 1.0 WHERE dt = '2015-07-03'",
                        "ads/mining_pool_share_day__matches_job", "\"dt\":\"2015-07-03\""),
                corruption("epoch next bits", "UPDATE ads.difficulty_epoch SET next_bits = 1 WHERE epoch = 0",
                        "ads/difficulty_epoch__matches_job", "\"epoch\":\"0\""),
                corruption("large tx height", "UPDATE ads.large_tx SET block_height = 1 WHERE txid = '" + TX_170 + "'",
                        "ads/large_tx__matches_job", TX_170),
                corruption("rank figure", "UPDATE ads.address_rank_day SET received_sat = received_sat + 1"
                        + " WHERE dt = '2009-01-12' AND rank_by = 'received_sat' AND `rank` = 1",
                        "ads/address_rank_day__matches_job", "\"dt\":\"2009-01-12\""),
                corruption("rank of no day", "INSERT INTO ads.address_rank_day VALUES ('2008-10-31', 'tx_count', 1, '"
                        + OTHER_ADDRESS + "', CAST(1 AS BIGINT), CAST(1 AS BIGINT), CAST(NULL AS STRING),"
                        + " CAST(NULL AS STRING))",
                        "ads/address_rank_day__matches_job", "\"dt\":\"2008-10-31\""),
                corruption("alert for no large transaction", "INSERT INTO ads.large_tx_alert VALUES ('" + UNKNOWN_TXID
                        + "', 'unconfirmed', TIMESTAMP '2013-12-30 00:00:00', CAST(NULL AS TIMESTAMP(3)),"
                        + " CAST(NULL AS INT), CAST(NULL AS STRING), CAST(500000000000 AS BIGINT),"
                        + " CAST(5000 AS DECIMAL(20, 8)), CAST(NULL AS BIGINT), ARRAY['" + OTHER_ADDRESS + "'])",
                        "ads/large_tx_alert__status_matches_dws", "in no DWS large-transaction table")));
    }

    @Test
    void poolCorruptionsFailPoolChecks() throws Exception {
        String hour = "TIMESTAMP '2024-04-20 00:00:00'";
        assertCaught(pool, "pool", null, List.of(
                // dwd.pool_share keeps the first row per key (first-row merge engine): a delete is a rewrite
                corruption("deleted share", "INSERT OVERWRITE dwd.pool_share SELECT * FROM dwd.pool_share"
                        + " WHERE NOT (worker_id = " + HandMadeShares.WORKER_11
                        + " AND share_time = TIMESTAMP '2024-04-20 00:00:10')",
                        "dwd/pool_share__matches_job", "row missing",
                        "dws/pool_worker_minute__matches_job", "\"worker_id\":\"" + HandMadeShares.WORKER_11 + "\""),
                corruption("same figure edited on every level", String.join(";\n",
                        "UPDATE dws.pool_worker_hour SET share_accept = share_accept + 1 WHERE worker_id = "
                                + HandMadeShares.WORKER_21 + " AND window_start = " + hour,
                        "UPDATE dws.pool_user_hour SET share_accept = share_accept + 1 WHERE user_id = "
                                + HandMadeShares.USER_2 + " AND window_start = " + hour,
                        "UPDATE dws.pool_hour SET share_accept = share_accept + 1 WHERE window_start = " + hour),
                        "dws/pool_worker_hour__matches_job", "\"worker_id\":\"" + HandMadeShares.WORKER_21 + "\"",
                        "dws/pool_hour__matches_job", "\"window_start\""),
                corruption("reject rate above 1", "UPDATE dws.pool_day SET reject_rate = 1.5",
                        "dws/pool_day__accepted_values", "1.5"),
                corruption("realtime figure", "UPDATE ads.pool_worker_realtime SET accept_1h = accept_1h + 1"
                        + " WHERE worker_id = " + HandMadeShares.WORKER_12,
                        "ads/pool_worker_realtime__matches_job",
                        "\"worker_id\":\"" + HandMadeShares.WORKER_12 + "\"")));
    }

    @Test
    void poolCorruptionsOfOtherFiguresFailTheirChecks() throws Exception {
        String hour = "TIMESTAMP '2024-04-20 00:00:00'";
        String shareColumns = "dt, worker_id, job_id, session_id, nonce, share_time, version_mask, user_id, status,"
                + " status_name, is_accepted, %s, is_rejected, reject_reason, share_diff, network_diff, blk_bits,"
                + " height, ip, ext_user_id, bits_reached, user_name, worker_name, source_name, source_partition,"
                + " source_offset";
        assertCaught(pool, "pool-2", null, List.of(
                // first-row tables take no UPDATE or DELETE: a rewrite
                corruption("accepted share also stale", "INSERT OVERWRITE dwd.pool_share SELECT "
                        + shareColumns.formatted("CASE WHEN worker_id = " + HandMadeShares.WORKER_11
                                + " AND share_time = TIMESTAMP '2024-04-20 00:00:10' THEN TRUE ELSE is_stale END")
                        + " FROM dwd.pool_share",
                        "dwd/pool_share__accepted_values", "not exactly one of is_accepted, is_stale, is_rejected"),
                corruption("found block lost", "INSERT OVERWRITE dwd.pool_block_found"
                        + " /*+ OPTIONS('dynamic-partition-overwrite' = 'false') */"
                        + " SELECT * FROM dwd.pool_block_found WHERE worker_id <> " + HandMadeShares.WORKER_12,
                        "dwd/pool_block_found__matches_pool_share", "solving share missing from pool_block_found"),
                corruption("pool hashrate doubled", "UPDATE dws.pool_hour SET hashrate = hashrate * 2",
                        "dws/pool_hour__accepted_values", "hashrate"),
                corruption("user stale sum off", "UPDATE dws.pool_user_hour SET share_stale = share_stale + 1"
                        + " WHERE user_id = " + HandMadeShares.USER_2 + " AND window_start = " + hour,
                        "dws/pool_user_hour__sums_match_pool_hour", "share_stale differs",
                        "dws/pool_user_hour__matches_job", "\"user_id\":\"" + HandMadeShares.USER_2 + "\""),
                corruption("user reject rate above 1", "UPDATE dws.pool_user_hour SET reject_rate = 2"
                        + " WHERE user_id = " + HandMadeShares.USER_1,
                        "dws/pool_user_hour__accepted_values", "reject_rate outside [0, 1]"),
                corruption("worker day reject sum off", "UPDATE dws.pool_worker_day SET share_reject = share_reject + 1"
                        + " WHERE worker_id = " + HandMadeShares.WORKER_21,
                        "dws/pool_worker_day__sums_match_user_day", "share_reject differs",
                        "dws/pool_worker_day__accepted_values", "reject_rate is not share_reject",
                        "dws/pool_worker_day__matches_job", "\"worker_id\":\"" + HandMadeShares.WORKER_21 + "\""),
                corruption("negative minute reject rate", "UPDATE dws.pool_worker_minute SET reject_rate = -0.5"
                        + " WHERE worker_id = " + HandMadeShares.WORKER_11,
                        "dws/pool_worker_minute__accepted_values", "reject_rate outside [0, 1]"),
                corruption("pool day stale sum off", "UPDATE dws.pool_day SET share_stale = share_stale + 1",
                        "dws/pool_day__matches_job", "share_stale"),
                corruption("late share lost", "DELETE FROM dws.pool_share_late",
                        "dws/pool_share_late__matches_job", "row missing"),
                corruption("overview figure", "UPDATE ads.pool_overview SET share_accept = share_accept + 1",
                        "ads/pool_overview__matches_job", "share_accept"),
                corruption("user realtime workers", "UPDATE ads.pool_user_realtime SET workers_online = workers_online + 1"
                        + " WHERE user_id = " + HandMadeShares.USER_1,
                        "ads/pool_user_realtime__matches_job", "\"user_id\":\"" + HandMadeShares.USER_1 + "\""),
                corruption("made-up anomaly", "INSERT INTO ads.pool_worker_anomaly VALUES (" + HandMadeShares.USER_1
                        + ", " + HandMadeShares.WORKER_11 + ", 'reject_spike', TIMESTAMP '2024-04-20 00:00:00',"
                        + " CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS BIGINT))",
                        "ads/pool_worker_anomaly__matches_job", "row its job does not compute")));
    }

    /**
     * Copies {@code warehouse}, applies every corruption, runs the checks of {@code layer} (all pool checks when
     * null) and asserts each corruption's checks fail with its violating rows in dq.check_result.
     */
    private static void assertCaught(Path warehouse, String copy, Layer layer, List<Corruption> corruptions)
            throws Exception {
        Path dir = tmp.resolve("copy-" + copy);
        BundledWarehouse.copy(warehouse, dir);
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            for (Corruption c : corruptions) {
                for (String statement : c.statements()) {
                    session.execute(statement).await();
                }
            }
            QualityRunner runner = new QualityRunner(session);
            List<Check> checks = new ArrayList<>();
            for (Layer l : layer == null ? List.of(Layer.DWD, Layer.DWS, Layer.ADS) : List.of(layer)) {
                runner.checks(l, CheckOccasion.ON_DEMAND).stream()
                        .filter(c -> layer != null || c.name().startsWith("pool_")).forEach(checks::add);
            }
            String runId = QualityRunner.newRunId();
            List<CheckResult> results = runner.run(runId, checks);
            CheckResultRows rows = CheckResultRows.of(session, runId);
            assertThat(rows.rows()).hasSize(results.size());
            assertThat(results).noneMatch(r -> r.status().equals(CheckResult.ERROR));
            for (Corruption c : corruptions) {
                c.failsWith().forEach((check, marker) -> {
                    CheckResultRows.Row row = rows.get(check);
                    // the status of a check that finds violations: fail for an error check, warn for a warn check
                    assertThat(row.status()).as(c.name() + ": " + check + " " + row.sampleRows())
                            .isEqualTo(row.severity().equals("error") ? CheckResult.FAIL : CheckResult.WARN);
                    assertThat(row.violationCount()).isPositive();
                    assertThat(row.sampleRows()).as(c.name() + ": " + check).contains(marker);
                });
            }
        }
    }
}
