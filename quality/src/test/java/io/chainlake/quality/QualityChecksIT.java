package io.chainlake.quality;

import static io.chainlake.quality.BundledBlockFacts.BLOCK_170;
import static io.chainlake.quality.BundledBlockFacts.BLOCK_277647;
import static io.chainlake.quality.BundledBlockFacts.COINBASE_169482;
import static io.chainlake.quality.BundledBlockFacts.COINBASE_277647;
import static io.chainlake.quality.BundledBlockFacts.COINBASE_9;
import static io.chainlake.quality.BundledBlockFacts.TX_170;
import static io.chainlake.quality.BundledBlockFacts.TX_181;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlScript;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks on the bundled real mainnet blocks: the clean build passes every error check, and each scenario breaks
 * a copy of it on purpose (Flink SQL DML on the Paimon tables) and shows the right checks catching it, with the right
 * status and the violating rows in dq.check_result.
 *
 * <p>A scenario runs the checks that read a table it broke (a check reading none of them cannot see the break) and
 * compares each with the clean run: exactly the expected checks change, everything else keeps its clean result.
 */
class QualityChecksIT {

    private static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);


    /** The clean build's warnings, both true of the bundled data: gaps between its segments, and its age. */
    private static final Map<String, String> CLEAN_WARNINGS = Map.of(
            "dwd/btc_block__detached_segments", CheckResult.WARN,
            "dwd/btc_block__freshness", CheckResult.WARN);

    @TempDir
    static Path tmp;

    private static Path template;
    private static WarehouseSession templateSession;
    private static String cleanRunId;
    private static final Map<String, CheckResult> CLEAN = new LinkedHashMap<>();

    @BeforeAll
    static void buildTemplateAndCheckIt() throws Exception {
        template = tmp.resolve("template");
        BundledWarehouse.copy(BundledWarehouse.template(), template); // the clean run below writes dq results
        templateSession = WarehouseSession.batch(TestWarehouse.config(template));
        QualityRunner runner = new QualityRunner(templateSession);
        cleanRunId = QualityRunner.newRunId();
        for (Layer layer : LAYERS) {
            // one run per layer, as the build gates them
            runner.run(cleanRunId, runner.checks(layer, CheckOccasion.ON_DEMAND)).forEach(r -> CLEAN.put(key(r), r));
        }
    }

    @AfterAll
    static void closeTemplate() {
        if (templateSession != null) {
            templateSession.close();
        }
    }

    @Test
    void cleanBuildPassesEveryErrorCheck() throws Exception {
        assertThat(CLEAN.values()).filteredOn(r -> r.check().severity().equals("error"))
                .hasSizeGreaterThan(40)
                .allSatisfy(r -> assertThat(r.status()).as(r.summaryLine()).isEqualTo(CheckResult.PASS));
        Map<String, String> notPassing = new LinkedHashMap<>();
        CLEAN.forEach((name, r) -> {
            if (!r.status().equals(CheckResult.PASS)) {
                notPassing.put(name, r.status());
            }
        });
        assertThat(notPassing).containsExactlyInAnyOrderEntriesOf(CLEAN_WARNINGS);

        CheckResultRows rows = CheckResultRows.of(templateSession, cleanRunId);
        assertThat(rows.rows()).hasSize(CLEAN.size());
        assertThat(rows.rows()).allSatisfy(row -> assertThat(row.status()).isEqualTo(CLEAN.get(row.check()).status()));

        // data/README.md: the ten sample blocks are nine segments (227835-227836 are consecutive), plus block 277647;
        // none has its parent loaded
        CheckResultRows.Row detached = rows.get("dwd/btc_block__detached_segments");
        assertThat(detached.severity()).isEqualTo("warn");
        assertThat(detached.violationCount()).isEqualTo(10);
        assertThat(detached.sampleRows()).contains("\"missing_parent_hash\":");

        // the newest bundled block is 574200 of 2019-05-02: years old, a warning and not a failure
        CheckResultRows.Row freshness = rows.get("dwd/btc_block__freshness");
        assertThat(freshness.observedValue()).isGreaterThan(5 * 365 * 24.0);
        assertThat(freshness.threshold()).isEqualTo(24.0);
        assertThat(freshness.sampleRows()).contains("\"newest_block_height\":\"574200\"");

        // blocks 1-14 were mined on 2009-01-09 and 15-75 on 2009-01-10, all coinbase-only: 61 / 14 is the largest swing
        CheckResultRows.Row swing = rows.get("dws/btc_chain_day__tx_count_day_over_day");
        assertThat(swing.status()).isEqualTo(CheckResult.PASS);
        assertThat(swing.observedValue()).isEqualTo(61.0 / 14);
    }

    @Test
    void checkThatCannotRunIsAnErrorAndTheOthersStillRun() throws Exception {
        QualityRunner runner = new QualityRunner(templateSession);
        List<Check> checks = new ArrayList<>(List.of(
                brokenCheck("btc_tx__unknown_column"),
                brokenCheck("btc_block__negative_height_subsidy")));
        runner.checks(Layer.DWD, CheckOccasion.ON_DEMAND).stream()
                .filter(c -> c.name().equals("btc_block__main_chain_links"))
                .forEach(checks::add);
        String runId = QualityRunner.newRunId();

        List<CheckResult> results = runner.run(runId, checks);

        assertThat(results).extracting(r -> r.check().name(), CheckResult::status).containsExactlyInAnyOrder(
                tuple("btc_tx__unknown_column", CheckResult.ERROR),
                tuple("btc_block__negative_height_subsidy", CheckResult.ERROR),
                tuple("btc_block__main_chain_links", CheckResult.PASS));
        assertThat(results).filteredOn(r -> r.status().equals(CheckResult.ERROR)).allMatch(CheckResult::blocks);
        CheckResultRows rows = CheckResultRows.of(templateSession, runId);
        assertThat(rows.rows()).hasSize(3);
        assertThat(rows.get("dwd/btc_tx__unknown_column").sampleRows()).contains("fee_rate");
        assertThat(rows.get("dwd/btc_tx__unknown_column").observedValue()).isNull();
        // the runner keeps the first message of the job failure, not block_subsidy's "block height -1000 is negative"
        assertThat(rows.get("dwd/btc_block__negative_height_subsidy").sampleRows()).isNotBlank();
        assertThat(rows.get("dwd/btc_block__main_chain_links").status()).isEqualTo(CheckResult.PASS);
    }

    @Test
    void deletedTransactionBreaksTheCountReconciliations() throws Exception {
        Outcome o = breakCopy("delete-tx", List.of("dwd.btc_tx"),
                "DELETE FROM dwd.btc_tx WHERE txid = '" + TX_170 + "'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_tx__matches_job", CheckResult.FAIL,
                "dwd/btc_block__matches_tx", CheckResult.FAIL,
                "dwd/btc_tx__matches_inputs_and_outputs", CheckResult.FAIL,
                "dws/btc_block_stats__matches_dwd", CheckResult.FAIL,
                "dws/btc_chain_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_large_tx_flow__matches_dwd", CheckResult.FAIL,
                // DWS not rebuilt: its jobs over the broken dwd.btc_tx no longer give what the tables hold
                "dws/btc_block_stats__matches_job", CheckResult.FAIL,
                "dws/btc_large_tx_flow__matches_job", CheckResult.FAIL));
        o.assertViolations("dwd/btc_block__matches_tx", 1, "\"block_hash\":\"" + BLOCK_170 + "\"",
                "\"tx_count\":\"2\"", "\"tx_rows\":\"1\"", "tx_count is not the number of transaction rows");
        o.assertViolations("dwd/btc_tx__matches_inputs_and_outputs", 1, "\"txid\":\"" + TX_170 + "\"",
                "\"input_count\":null", "\"output_rows\":\"2\"", "not in dwd.btc_tx");
        o.assertViolations("dws/btc_block_stats__matches_dwd", 1, "\"height\":\"170\"", "txs differs");
        o.assertViolations("dws/btc_chain_day__matches_dwd", 1, "\"dt\":\"2009-01-12\"", "tx_count differs");
        o.assertViolations("dws/btc_large_tx_flow__matches_dwd", 1, TX_170);
        o.assertViolations("dws/btc_large_tx_flow__matches_job", 1, TX_170, "row its job does not compute");
    }

    @Test
    void duplicatedBlockBreaksKeysAndCounts() throws Exception {
        // block 100 again under another hash, as a second main-chain block at height 100
        Outcome o = breakCopy("duplicate-block", List.of("dwd.btc_block"), """
                INSERT INTO dwd.btc_block
                SELECT block_height, CONCAT('ffffffff', SUBSTRING(block_hash, 9)), prev_block_hash, block_time,
                    median_time, version, bits, difficulty, nonce, merkle_root, tx_count, size, stripped_size, weight,
                    coinbase_text, coinbase_script_sig_hex, chain_work, in_main_chain, network, dt
                FROM dwd.btc_block
                WHERE block_height = 100""");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_block__matches_job", CheckResult.FAIL,
                "dwd/btc_block__matches_ods", CheckResult.FAIL,
                "dwd/btc_block__main_chain_height_unique", CheckResult.FAIL,
                "dwd/btc_block__matches_tx", CheckResult.FAIL,
                "dws/btc_block_stats__matches_dwd", CheckResult.FAIL,
                "dws/btc_chain_day__matches_dwd", CheckResult.FAIL));
        o.assertViolations("dwd/btc_block__matches_ods", 1, "dwd.btc_block row without an ODS block", "ffffffff");
        o.assertViolations("dwd/btc_block__main_chain_height_unique", 1, "\"block_height\":\"100\"",
                "\"main_chain_blocks\":\"2\"");
        o.assertViolations("dwd/btc_block__matches_tx", 1, "ffffffff", "\"coinbase_count\":\"0\"",
                "tx_count is not the number of transaction rows");
        o.assertViolations("dws/btc_block_stats__matches_dwd", 1, "blockhash differs");
        // blocks 76-168 were mined on 2009-01-11
        o.assertViolations("dws/btc_chain_day__matches_dwd", 1, "\"dt\":\"2009-01-11\"", "blocks differ");
    }

    @Test
    void changedOutputValueBreaksBalanceAndDwsValues() throws Exception {
        // one satoshi more on an output of block 277647's coinbase, its transaction row unchanged (the coinbase
        // paying more in both tables is UnnamedCorruptionsIT's)
        Outcome o = breakCopy("output-value", List.of("dwd.btc_output"),
                "UPDATE dwd.btc_output SET value_sat = value_sat + 1 WHERE txid = '" + COINBASE_277647
                        + "' AND vout_index = 0 AND block_hash = '" + BLOCK_277647 + "'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_output__matches_job", CheckResult.FAIL,
                "dwd/btc_tx__matches_inputs_and_outputs", CheckResult.FAIL,
                "dws/btc_script_type_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_address_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_script_type_day__matches_job", CheckResult.FAIL,
                "dws/btc_address_day__matches_job", CheckResult.FAIL));
        o.assertViolations("dwd/btc_tx__matches_inputs_and_outputs", 1, COINBASE_277647,
                "output_value_sat is not the sum");
        o.assertViolations("dws/btc_script_type_day__matches_dwd", 1, "\"dt\":\"2013-12-30\"",
                "\"script_type\":\"pubkeyhash\"");
        o.assertViolations("dws/btc_address_day__matches_dwd", 1, "\"dt\":\"2013-12-30\"");
        o.assertViolations("dws/btc_script_type_day__matches_job", 1, "\"dt\":\"2013-12-30\"",
                "\"script_type\":\"pubkeyhash\"", "value_sat");
    }

    @Test
    void negativeFeeBreaksBalanceAndTheIssuanceLimits() throws Exception {
        Outcome o = breakCopy("negative-fee", List.of("dwd.btc_tx"),
                "UPDATE dwd.btc_tx SET fee_sat = -1000 WHERE txid = '" + TX_181 + "'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_tx__matches_job", CheckResult.FAIL,
                "dwd/btc_tx__matches_inputs_and_outputs", CheckResult.FAIL,
                "dwd/btc_block__matches_tx", CheckResult.FAIL,
                "dwd/btc_block__issuance_schedule", CheckResult.FAIL,
                "dws/btc_block_stats__matches_dwd", CheckResult.FAIL,
                "dws/btc_chain_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_block_stats__matches_job", CheckResult.FAIL,
                // the day's fee-rate percentiles, which dws.btc_chain_day takes from dwd.btc_tx itself
                "dws/btc_chain_day__matches_job", CheckResult.FAIL));
        o.assertViolations("dwd/btc_tx__matches_inputs_and_outputs", 1, TX_181, "negative fee");
        // block 181's coinbase pays 50 BTC although subsidy + fees would now be 50 BTC - 1000 sat
        o.assertViolations("dwd/btc_block__matches_tx", 1, "\"block_height\":\"181\"",
                "\"excess_sat\":\"1000\"", "the coinbase pays more than the subsidy and the fees");
        // from height 181 on, heights 0-438 all present: 1000 sat more issued than the schedule allows
        o.assertViolations("dwd/btc_block__issuance_schedule", 438 - 181 + 1, "\"issued_to_height_sat\":");
        o.assertViolations("dws/btc_block_stats__matches_dwd", 1, "\"height\":\"181\"", "totalfee differs");
        o.assertViolations("dws/btc_chain_day__matches_dwd", 1, "\"dt\":\"2009-01-12\"", "total_fee_sat differs",
                "\"total_fee_sat\":\"0\"", "\"dwd_total_fee_sat\":\"-1000\"");
        o.assertViolations("dws/btc_block_stats__matches_job", 1, "\"height\":\"181\"", "totalfee");
        o.assertViolations("dws/btc_chain_day__matches_job", 1, "\"dt\":\"2009-01-12\"", "feerate_p");
    }

    @Test
    void blockFlippedOffTheMainChainBreaksLinksAndEveryAggregate() throws Exception {
        Outcome o = breakCopy("flip-main-chain", List.of("dwd.btc_block"),
                "UPDATE dwd.btc_block SET in_main_chain = FALSE WHERE block_height = 300");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_block__matches_job", CheckResult.FAIL,
                "dwd/btc_block__matches_block_chain", CheckResult.FAIL,
                "dwd/btc_block__main_chain_links", CheckResult.FAIL,
                "dws/btc_block_stats__matches_dwd", CheckResult.FAIL,
                "dws/btc_chain_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_script_type_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_address_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_block_stats__matches_job", CheckResult.FAIL,
                "dws/btc_script_type_day__matches_job", CheckResult.FAIL,
                "dws/btc_address_day__matches_job", CheckResult.FAIL));
        o.assertViolations("dwd/btc_block__matches_block_chain", 1, "\"block_height\":\"300\"",
                "\"in_main_chain\":\"FALSE\"", "\"chain_in_main_chain\":\"TRUE\"");
        o.assertViolations("dwd/btc_block__main_chain_links", 1, "\"block_height\":\"301\"",
                "parent is not on the main chain");
        o.assertViolations("dws/btc_block_stats__matches_dwd", 1, "\"height\":\"300\"",
                "row without a main-chain block");
        o.assertViolations("dws/btc_chain_day__matches_dwd", 1, "\"dt\":\"2009-01-13\"");
        // block 300 is no longer on the main chain, and block 301's parent is not either: no interval
        o.assertViolations("dws/btc_block_stats__matches_job", 2, "\"height\":\"300\"",
                "row its job does not compute", "\"height\":\"301\"", "block_interval_s");
    }

    @Test
    void brokenParentLinkIsAnErrorNotADetachedSegment() throws Exception {
        // block 299 is on the main chain, so a parent missing from the warehouse is a broken link, not a gap
        Outcome o = breakCopy("broken-link", List.of("dwd.btc_block"), "UPDATE dwd.btc_block SET prev_block_hash = '"
                + "0".repeat(60) + "dead' WHERE block_height = 300");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_block__matches_job", CheckResult.FAIL,
                "dwd/btc_block__main_chain_links", CheckResult.FAIL,
                "dwd/btc_block__matches_ods", CheckResult.FAIL,
                // block 300's interval is taken from its parent, which the job no longer finds
                "dws/btc_block_stats__matches_job", CheckResult.FAIL));
        o.assertViolations("dwd/btc_block__main_chain_links", 1, "\"block_height\":\"300\"",
                "the main-chain block at height - 1 is not the parent");
        o.assertViolations("dwd/btc_block__matches_ods", 1, "header differs from ODS");
        o.assertViolations("dws/btc_block_stats__matches_job", 1, "\"height\":\"300\"", "block_interval_s");
        assertThat(o.rows().get("dwd/btc_block__detached_segments").violationCount()).isEqualTo(10);
    }

    @Test
    void inflatedCoinbaseWithUnknownFeesBreaksOnlyTheIssuanceScheduleAndTheReparse() throws Exception {
        // 10 million BTC more on block 169482's coinbase, consistently in both tables: its fees are unknown, so of the
        // rules only the cumulative limit sees it; parsing the raw block again does too
        long inflation = 1_000_000_000_000_000L;
        Outcome o = breakCopy("inflated-coinbase", List.of("dwd.btc_output", "dwd.btc_tx"),
                "UPDATE dwd.btc_output SET value_sat = value_sat + " + inflation
                        + " WHERE txid = '" + COINBASE_169482 + "' AND vout_index = 207",
                "UPDATE dwd.btc_tx SET output_value_sat = output_value_sat + " + inflation
                        + " WHERE txid = '" + COINBASE_169482 + "'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_output__matches_job", CheckResult.FAIL,
                "dwd/btc_tx__matches_job", CheckResult.FAIL,
                "dwd/btc_block__issuance_schedule", CheckResult.FAIL,
                "dws/btc_script_type_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_address_day__matches_dwd", CheckResult.FAIL,
                "dws/btc_script_type_day__matches_job", CheckResult.FAIL,
                "dws/btc_address_day__matches_job", CheckResult.FAIL));
        // the schedule to height 169482 is 169483 * 50 BTC = 8,474,150 BTC
        o.assertViolations("dwd/btc_block__issuance_schedule", 1, "\"block_height\":\"169482\"",
                "\"schedule_to_height_sat\":\"847415000000000\"");
    }

    @Test
    void odsBlockDeletedAfterTheBuildLeavesDwdRowsWithoutSource() throws Exception {
        // ods.btc_block_raw keeps the first row per key (first-row merge engine), so a delete is a rewrite without it
        Outcome o = breakCopy("delete-ods-block", List.of("ods.btc_block_raw"),
                "INSERT OVERWRITE ods.btc_block_raw SELECT * FROM ods.btc_block_raw WHERE block_hash <> '"
                        + BLOCK_277647 + "'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // the DWD job run again over the raw blocks disagrees with the edited table
                "dwd/btc_block__matches_job", CheckResult.FAIL,
                "dwd/btc_block__matches_ods", CheckResult.FAIL,
                "dwd/btc_block_chain__matches_ods", CheckResult.FAIL));
        o.assertViolations("dwd/btc_block__matches_ods", 1, BLOCK_277647, "dwd.btc_block row without an ODS block");
        o.assertViolations("dwd/btc_block_chain__matches_ods", 1, BLOCK_277647,
                "dwd.btc_block_chain row without an ODS block");
    }

    @Test
    void corruptedDwsTotalsAreCaughtInDwsAndInTheReportsAbove() throws Exception {
        Outcome o = breakCopy("corrupt-dws",
                List.of("dws.btc_chain_day", "dws.btc_pool_day", "dws.btc_block_stats", "dws.btc_script_type_day"),
                "UPDATE dws.btc_chain_day SET tx_count = tx_count * 20 WHERE dt = '2009-01-11'",
                "UPDATE dws.btc_pool_day SET block_count = 2 WHERE dt = '2015-07-03' AND pool_name = 'AntPool'",
                "UPDATE dws.btc_block_stats SET ins = ins + 1 WHERE height = 277647",
                "INSERT INTO dws.btc_script_type_day VALUES ('2019-05-02', 'p2wpkh', CAST(1 AS BIGINT),"
                        + " CAST(1000 AS BIGINT))");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("dws/btc_chain_day__matches_dwd", CheckResult.FAIL),
                entry("dws/btc_chain_day__tx_count_day_over_day", CheckResult.WARN),
                entry("dws/btc_pool_day__matches_block_stats", CheckResult.FAIL),
                entry("dws/btc_block_stats__matches_dwd", CheckResult.FAIL),
                entry("dws/btc_script_type_day__accepted_values", CheckResult.FAIL),
                entry("dws/btc_script_type_day__matches_dwd", CheckResult.FAIL),
                entry("ads/chain_daily_report__matches_chain_day", CheckResult.FAIL),
                entry("ads/fee_market_day__matches_chain_day", CheckResult.FAIL),
                entry("ads/mining_pool_share_day__matches_pool_day", CheckResult.FAIL),
                // each edited table differs from its job
                entry("dws/btc_chain_day__matches_job", CheckResult.FAIL),
                entry("dws/btc_pool_day__matches_job", CheckResult.FAIL),
                entry("dws/btc_block_stats__matches_job", CheckResult.FAIL),
                entry("dws/btc_script_type_day__matches_job", CheckResult.FAIL),
                // and ADS, not rebuilt, differs from its jobs over the edited DWS
                entry("ads/chain_daily_report__matches_job", CheckResult.FAIL),
                entry("ads/fee_market_day__matches_job", CheckResult.FAIL),
                entry("ads/mining_pool_share_day__matches_job", CheckResult.FAIL)));
        o.assertViolations("dws/btc_chain_day__matches_dwd", 1, "\"dt\":\"2009-01-11\"", "\"tx_count\":\"1860\"",
                "\"dwd_tx_count\":\"93\"");
        // 93 * 20 = 1860 transactions after 61 the day before: a 30x swing
        CheckResultRows.Row swing = o.rows().get("dws/btc_chain_day__tx_count_day_over_day");
        assertThat(swing.observedValue()).isEqualTo(1860.0 / 61);
        assertThat(swing.violationCount()).isEqualTo(1);
        assertThat(swing.sampleRows()).contains("\"dt\":\"2009-01-11\"", "\"prev_dt\":\"2009-01-10\"");
        o.assertViolations("dws/btc_pool_day__matches_block_stats", 1, "AntPool", "\"stats_block_count\":\"1\"");
        o.assertViolations("dws/btc_block_stats__matches_dwd", 1, "\"height\":\"277647\"", "ins differs");
        // Bitcoin Core calls P2WPKH witness_v0_keyhash
        o.assertViolations("dws/btc_script_type_day__accepted_values", 1, "\"script_type\":\"p2wpkh\"");
        o.assertViolations("dws/btc_script_type_day__matches_dwd", 1, "\"script_type\":\"p2wpkh\"",
                "\"dwd_output_count\":null");
        o.assertViolations("ads/chain_daily_report__matches_chain_day", 1, "\"dt\":\"2009-01-11\"", "tx_count differs");
        o.assertViolations("ads/fee_market_day__matches_chain_day", 1, "\"dt\":\"2009-01-11\"", "tx_count differs");
        o.assertViolations("ads/mining_pool_share_day__matches_pool_day", 1, "AntPool", "\"dws_block_count\":\"2\"");
        o.assertViolations("dws/btc_block_stats__matches_job", 1, "\"height\":\"277647\"", "ins");
        o.assertViolations("dws/btc_script_type_day__matches_job", 1, "\"script_type\":\"p2wpkh\"",
                "row its job does not compute");
    }

    @Test
    void corruptedAdsRowsAreCaught() throws Exception {
        Outcome o = breakCopy("corrupt-ads",
                List.of("ads.large_tx", "ads.difficulty_epoch", "ads.address_rank_day", "ads.chain_daily_report",
                        "ads.fee_market_day"),
                "UPDATE ads.large_tx SET fee_sat = 1 WHERE txid = '" + TX_170 + "'",
                "DELETE FROM ads.difficulty_epoch WHERE epoch = 0",
                "DELETE FROM ads.address_rank_day WHERE dt = '2009-01-12' AND rank_by = 'tx_count' AND `rank` = 1",
                """
                INSERT INTO ads.chain_daily_report
                SELECT dt, 'mainnet', block_count, first_height, last_height, tx_count, segwit_tx_count,
                    segwit_tx_share, input_count, output_count, total_out_btc, total_fee_btc, median_fee_rate_sat_vb,
                    active_address_count, new_address_count, avg_difficulty, est_hashrate_ehs, top_pool_name,
                    top_pool_block_share
                FROM ads.chain_daily_report
                WHERE dt = '2019-05-02'""",
                "UPDATE ads.fee_market_day SET fee_share_of_revenue = 1.5 WHERE dt = '2013-12-30'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("ads/large_tx__matches_large_tx_flow", CheckResult.FAIL),
                entry("ads/difficulty_epoch__matches_block_stats", CheckResult.FAIL),
                entry("ads/address_rank_day__accepted_values", CheckResult.FAIL),
                entry("ads/chain_daily_report__accepted_values", CheckResult.FAIL),
                entry("ads/chain_daily_report__matches_chain_day", CheckResult.FAIL),
                entry("ads/fee_market_day__accepted_values", CheckResult.FAIL),
                // each edited table differs from its job
                entry("ads/large_tx__matches_job", CheckResult.FAIL),
                entry("ads/difficulty_epoch__matches_job", CheckResult.FAIL),
                entry("ads/address_rank_day__matches_job", CheckResult.FAIL),
                entry("ads/chain_daily_report__matches_job", CheckResult.FAIL),
                entry("ads/fee_market_day__matches_job", CheckResult.FAIL)));
        o.assertViolations("ads/large_tx__matches_large_tx_flow", 1, TX_170, "\"fee_sat\":\"1\"",
                "\"dws_fee_sat\":\"0\"");
        o.assertViolations("ads/difficulty_epoch__matches_block_stats", 1, "\"epoch\":\"0\"",
                "\"dws_block_count\":\"439\"");
        o.assertViolations("ads/address_rank_day__accepted_values", 1, "\"min_rank\":\"2\"");
        o.assertViolations("ads/chain_daily_report__accepted_values", 1, "\"network\":\"mainnet\"");
        o.assertViolations("ads/chain_daily_report__matches_chain_day", 1, "network is not the configured one");
        o.assertViolations("ads/fee_market_day__accepted_values", 1, "\"fee_share_of_revenue\":\"1.5\"");
        o.assertViolations("ads/large_tx__matches_job", 1, TX_170, "fee_sat");
        o.assertViolations("ads/difficulty_epoch__matches_job", 1, "\"epoch\":\"0\"", "row missing");
        o.assertViolations("ads/chain_daily_report__matches_job", 1, "\"network\":\"mainnet\"",
                "row its job does not compute");
        o.assertViolations("ads/fee_market_day__matches_job", 1, "\"dt\":\"2013-12-30\"", "fee_share_of_revenue");
    }

    @Test
    void unacceptedValuesAreCaught() throws Exception {
        Outcome o = breakCopy("accepted-values", List.of("ods.btc_block_raw", "ods.btc_block_reject", "dwd.btc_block",
                        "dwd.btc_block_chain", "dwd.btc_output", "dwd.btc_input"),
                // ods.btc_block_raw keeps the first row per key (first-row merge engine): an edit is a rewrite
                """
                INSERT OVERWRITE ods.btc_block_raw
                SELECT block_hash, prev_block_hash, version, merkle_root, block_time, bits, nonce, tx_count, size,
                    stripped_size, weight, height_hint,
                    CASE WHEN block_hash = '%s' THEN 'coinbase' ELSE height_hint_source END,
                    raw_block, network, source_file, source_offset, load_id, loaded_at
                FROM ods.btc_block_raw""".formatted(BLOCK_277647),
                "INSERT INTO ods.btc_block_reject VALUES ('blk99999.dat', 0, '', CAST(NULL AS STRING), 'mainnet',"
                        + " 'load-test', TIMESTAMP '2024-01-01 00:00:00')",
                // block 14 was mined on 2009-01-09 (UTC); a day taken in another time zone
                "UPDATE dwd.btc_block SET dt = '2009-01-10' WHERE block_height = 14",
                """
                UPDATE dwd.btc_block_chain
                SET height_source = CASE WHEN block_height = 250 THEN 'guessed' ELSE height_source END,
                    in_main_chain = CASE WHEN block_height = 251 THEN CAST(NULL AS BOOLEAN) ELSE in_main_chain END
                WHERE block_height IN (250, 251)""",
                "UPDATE dwd.btc_output SET script_type = 'p2pk' WHERE txid = '" + COINBASE_9 + "' AND vout_index = 0",
                "UPDATE dwd.btc_input SET prevout_source = 'utxo_set' WHERE txid = '" + TX_170 + "'");

        assertThat(o.changed()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                // the DWD job run again over the raw blocks disagrees with the edited table
                entry("dwd/btc_block__matches_job", CheckResult.FAIL),
                entry("dwd/btc_input__matches_job", CheckResult.FAIL),
                entry("dwd/btc_output__matches_job", CheckResult.FAIL),
                entry("ods/btc_block_raw__accepted_values", CheckResult.FAIL),
                entry("ods/btc_block_reject__accepted_values", CheckResult.FAIL),
                entry("dwd/btc_block__accepted_values", CheckResult.FAIL),
                entry("dwd/btc_block_chain__accepted_values", CheckResult.FAIL),
                entry("dwd/btc_block__matches_block_chain", CheckResult.FAIL),
                entry("dwd/btc_output__accepted_values", CheckResult.FAIL),
                entry("dwd/btc_input__accepted_values", CheckResult.FAIL),
                entry("dws/btc_chain_day__matches_dwd", CheckResult.FAIL),
                entry("dws/btc_script_type_day__matches_dwd", CheckResult.FAIL),
                // block 14's transactions still carry its true day
                entry("dwd/btc_block__matches_tx", CheckResult.FAIL),
                // the output is a pubkey script whatever its row says; and block 170's input spends it
                entry("dwd/btc_output__script_decodes", CheckResult.FAIL),
                entry("dwd/btc_input__matches_spent_output", CheckResult.FAIL),
                // DWS not rebuilt: block 14's day and the output's type as its jobs now see them
                entry("dws/btc_block_stats__matches_job", CheckResult.FAIL),
                entry("dws/btc_script_type_day__matches_job", CheckResult.FAIL)));
        o.assertViolations("ods/btc_block_raw__accepted_values", 1, BLOCK_277647, "unknown height_hint_source");
        o.assertViolations("ods/btc_block_reject__accepted_values", 1, "\"network\":\"mainnet\"");
        o.assertViolations("dwd/btc_block__accepted_values", 1, "\"block_height\":\"14\"",
                "dt is not the day of block_time");
        o.assertViolations("dwd/btc_block_chain__accepted_values", 2, "unknown height_source", "in_main_chain is NULL");
        o.assertViolations("dwd/btc_block__matches_block_chain", 1, "\"block_height\":\"251\"",
                "\"chain_in_main_chain\":null");
        o.assertViolations("dwd/btc_output__accepted_values", 1, "\"script_type\":\"p2pk\"");
        o.assertViolations("dwd/btc_input__accepted_values", 1, "unknown prevout_source");
        o.assertViolations("dws/btc_chain_day__matches_dwd", 2, "\"dt\":\"2009-01-09\"", "\"dt\":\"2009-01-10\"",
                "blocks differ");
        // block 9 was mined on 2009-01-09: its pubkey output now counts under 'p2pk'
        o.assertViolations("dws/btc_script_type_day__matches_dwd", 2, "\"dt\":\"2009-01-09\"");
        o.assertViolations("dwd/btc_output__script_decodes", 1, COINBASE_9, "\"script_type\":\"p2pk\"");
        o.assertViolations("dwd/btc_input__matches_spent_output", 1, TX_170, "\"prevout_source\":\"utxo_set\"");
        o.assertViolations("dws/btc_block_stats__matches_job", 1, "\"height\":\"14\"", "dt");
    }

    /** Copies the template, runs {@code statements} on the copy, then the checks reading any of {@code broken}. */
    private static Outcome breakCopy(String scenario, List<String> broken, String... statements) throws Exception {
        Path dir = tmp.resolve(scenario);
        BundledWarehouse.copy(template, dir);
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            for (String statement : statements) {
                session.execute(statement).await();
            }
            QualityRunner runner = new QualityRunner(session);
            String runId = QualityRunner.newRunId();
            // the checks of every layer in one run (one job): a check's result does not depend on its company
            List<Check> reading = LAYERS.stream()
                    .flatMap(layer -> runner.checks(layer, CheckOccasion.ON_DEMAND).stream())
                    .filter(c -> readsAny(c, broken)).toList();
            List<CheckResult> results = runner.run(runId, reading);
            return new Outcome(results, CheckResultRows.of(session, runId));
        }
    }

    private static boolean readsAny(Check check, List<String> tables) {
        return tables.stream()
                .anyMatch(t -> Pattern.compile("\\b" + Pattern.quote(t) + "\\b").matcher(check.sql()).find());
    }

    private static Check brokenCheck(String name) {
        String text = SqlScript.load("broken-checks/dwd/" + name + ".sql",
                templateSession.config().placeholders()).text();
        return Check.parse(Layer.DWD, name, text);
    }

    private static String key(CheckResult r) {
        return r.check().layer().database() + "/" + r.check().name();
    }

    /** A scenario's results and its dq.check_result rows. */
    private record Outcome(List<CheckResult> results, CheckResultRows rows) {

        /** Checks whose status or violation count differs from the clean run, with their new status. */
        Map<String, String> changed() {
            assertThat(rows.rows()).as("one dq.check_result row per check run").hasSize(results.size());
            Map<String, String> changed = new LinkedHashMap<>();
            for (CheckResultRows.Row row : rows.rows()) {
                CheckResult clean = CLEAN.get(row.check());
                if (!row.status().equals(clean.status()) || row.violationCount() != clean.violationCount()) {
                    changed.put(row.check(), row.status());
                }
            }
            return changed;
        }

        void assertViolations(String check, long count, String... sampleContains) {
            CheckResultRows.Row row = rows.get(check);
            assertThat(row.violationCount()).as(check + " " + row.sampleRows()).isEqualTo(count);
            assertThat(row.sampleRows()).as(check).contains(sampleContains);
        }
    }
}
