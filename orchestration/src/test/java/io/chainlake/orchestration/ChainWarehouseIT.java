package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.TestWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch chain warehouse end to end, through the real CLI, on the bundled real mainnet blocks: the README's demo
 * builds it, then load-blocks and build run again over it. Every expected value comes from outside chainlake:
 * data/README.md (verified facts), block explorers, Bitcoin Core semantics.
 */
class ChainWarehouseIT {

    @TempDir
    static Path dir;

    static String warehouse;

    /** Labels go to a database of this test's own on the local MySQL-compatible server. */
    static final String LABEL_DATABASE = "chainlake_it";

    /** What the README's demo command printed while it built the warehouse every test here queries. */
    static CliRun demo;
    static Path report;

    /**
     * The warehouse is the README's demo (fresh warehouse, the bundled blocks loaded with block 277647's prevouts and
     * the sample heights, then built): one build serves the demo's own checks and every fact below.
     */
    @BeforeAll
    static void runTheDemo() throws Exception {
        warehouse = dir.resolve("wh").toString();
        report = dir.resolve("demo-report.html");
        MysqlStore mysql = new MysqlStore(ChainlakeConfig.defaultsWith(Map.of(ChainlakeConfig.MYSQL_DATABASE, LABEL_DATABASE)));
        assertThat(mysql.unavailableReason()).as("the local MySQL-compatible server on 127.0.0.1:3306").isEmpty();
        demo = CliRun.of("--warehouse", warehouse, "--set", "mysql.database=" + LABEL_DATABASE, "demo", "--report",
                report.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @Test
    void theDemoBuildsTheBundledBlocksAndWritesAChartedReport() throws Exception {
        // data/README.md: 439 + 1 + 10 real mainnet blocks, 2009-01-03 (genesis) to 2019 (block 574200)
        assertThat(demo.out()).contains("loaded 450 real mainnet blocks (0 rejected)")
                .contains("450 main-chain blocks").contains("2009-01-03")
                .contains("pubkeyhash").contains("BTC Guild");
        String html = Files.readString(report);
        assertThat(html).contains("<svg").contains("Blocks per day").contains("Output script-type mix")
                .contains("ads.chain_daily_report");
    }

    @Test
    void theDemoRefusesToWipeADirectoryThatIsNotAWarehouse() throws Exception {
        Path notAWarehouse = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(notAWarehouse.resolve("notes.txt"), "keep me");
        CliRun refused = CliRun.of("--warehouse", notAWarehouse.toString(), "demo");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("is not a chainlake warehouse");
        assertThat(notAWarehouse.resolve("notes.txt")).exists();
    }

    static List<String> query(String sql) {
        CliRun r = CliRun.of("--warehouse", warehouse, "query", sql);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.lines();
    }

    static String single(String sql) {
        List<String> lines = query(sql);
        assertThat(lines).as(sql).hasSize(2);
        return lines.get(1);
    }

    @Test
    void genesisBlockAndItsCoinbaseAddress() {
        // data/README.md: genesis hash and its P2PK coinbase shown as 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa
        assertThat(single("SELECT block_height, in_main_chain FROM dwd.btc_block WHERE block_hash = "
                + "'000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f'")).isEqualTo("0,true");
        assertThat(single("SELECT o.script_type, o.address, o.value_sat FROM dwd.btc_output o "
                + "JOIN dwd.btc_block b ON b.block_hash = o.block_hash WHERE b.block_height = 0"))
                .isEqualTo("pubkey,1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa,5000000000");
    }

    @Test
    void block170FirstPaymentSpendsBlock9Coinbase() {
        // data/README.md: 10 BTC to 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3, 40 BTC back, spending block 9's coinbase
        assertThat(query("SELECT address, value_sat FROM dwd.btc_output WHERE block_height = 170 "
                + "AND txid = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16' ORDER BY vout_index"))
                .containsExactly("address,value_sat", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3,1000000000",
                        "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S,4000000000");
        assertThat(single("SELECT i.prev_txid, i.value_sat, i.address, t.fee_sat FROM dwd.btc_input i "
                + "JOIN dwd.btc_tx t ON t.txid = i.txid AND t.block_hash = i.block_hash "
                + "WHERE i.txid = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16'"))
                .isEqualTo("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9,5000000000,"
                        + "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S,0");
    }

    @Test
    void block277647FeesFromThePrevoutFile() {
        // data/README.md: hash, 213 transactions, total fees 4,737,355 sat, coinbase pays 25 BTC + fees
        assertThat(single("SELECT blockhash, txs, totalfee, subsidy, pool_name FROM dws.btc_block_stats "
                + "WHERE height = 277647"))
                .isEqualTo("0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8,213,4737355,"
                        + "2500000000,BTC Guild");
        assertThat(single("SELECT output_value_sat FROM dwd.btc_tx WHERE block_height = 277647 AND is_coinbase"))
                .isEqualTo("2504737355");
        assertThat(single("SELECT COUNT(*) FROM dwd.btc_input WHERE block_height = 277647 AND prev_vout <> 4294967295 "
                + "AND value_sat IS NULL")).isEqualTo("0");
    }

    @Test
    void aBlockWithOnlyItsCoinbaseHasZeroFeesAsCoreReports() {
        // getblockstats on a coinbase-only block: totalfee 0, avgfee 0, feerate percentiles all 0, ins 0
        assertThat(single("SELECT txs, ins, outs, totalfee, avgfee, medianfee, minfee, maxfee, feerate_p50, "
                + "utxo_increase, utxo_size_inc FROM dws.btc_block_stats WHERE height = 1"))
                .isEqualTo("1,0,1,0,0,0,0,0,0,1,117");
        // genesis: its output never enters the UTXO set (utxo_increase_actual 0), Core still counts it in
        // utxo_increase and utxo_size_inc (8 value + 1 length + 67 script + 41 overhead = 117)
        assertThat(single("SELECT utxo_increase, utxo_increase_actual, utxo_size_inc, utxo_size_inc_actual "
                + "FROM dws.btc_block_stats WHERE height = 0")).isEqualTo("1,0,117,0");
    }

    @Test
    void feesOfBlocksWithoutPrevoutsAreUnknownNotZero() {
        // data/README.md: prevouts of the 2012-2019 sample blocks are not included
        assertThat(query("SELECT height, totalfee, medianfee, feerate_p50, utxo_size_inc FROM dws.btc_block_stats "
                + "WHERE height IN (481829, 540107, 574200) ORDER BY height"))
                .containsExactly("height,totalfee,medianfee,feerate_p50,utxo_size_inc", "481829,,,,", "540107,,,,",
                        "574200,,,,");
        assertThat(single("SELECT COUNT(*) > 0 FROM dwd.btc_tx WHERE block_height = 574200 AND NOT is_coinbase "
                + "AND fee_sat IS NULL")).isEqualTo("true");
        // a fee is known only when every input's prevout is: here those spending outputs of the same block
        assertThat(single("SELECT COUNT(*) FROM dwd.btc_tx t JOIN dwd.btc_input i "
                + "ON i.txid = t.txid AND i.block_hash = t.block_hash "
                + "WHERE t.fee_sat IS NOT NULL AND NOT t.is_coinbase AND i.value_sat IS NULL")).isEqualTo("0");
    }

    @Test
    void segwitBlocksCountWitnessTransactions() {
        // data/README.md: 540107 and 574200 contain SegWit transactions
        assertThat(query("SELECT height FROM dws.btc_block_stats WHERE swtxs > 0 ORDER BY height"))
                .containsExactly("height", "540107", "574200");
        // 481829 (five blocks after SegWit activated at 481824) carries witness data in its coinbase only (its
        // witness reserved value): getblockstats does not count the coinbase in swtxs
        assertThat(single("SELECT has_witness FROM dwd.btc_tx WHERE block_height = 481829 AND is_coinbase"))
                .isEqualTo("true");
        assertThat(single("SELECT swtxs FROM dws.btc_block_stats WHERE height = 481829")).isEqualTo("0");
    }

    @Test
    void poolsFromCoinbaseTags() {
        // data/README.md: 540107 and 574200 carry /BTC.COM/, 363703 /AntPool/
        assertThat(query("SELECT height, pool_name FROM dws.btc_block_stats WHERE height IN (363703, 540107, 574200) "
                + "ORDER BY height")).containsExactly("height,pool_name", "363703,AntPool", "540107,BTC.com",
                "574200,BTC.com");
    }

    @Test
    void everyScriptTypeOfTheSampleIsClassified() {
        // data/README.md lists the output types present in the sample file
        assertThat(query("SELECT DISTINCT script_type FROM dwd.btc_output ORDER BY script_type"))
                .contains("pubkey", "pubkeyhash", "scripthash", "witness_v0_keyhash", "witness_v0_scripthash",
                        "multisig", "nulldata", "nonstandard");
    }

    @Test
    void difficultyFromBits() {
        // Explorers show block 277647's difficulty as 1,180,923,195.26 (bits 0x1903a30c); genesis 1
        assertThat(single("SELECT bits, ROUND(difficulty, 2) FROM dwd.btc_block WHERE block_height = 277647"))
                .isEqualTo("419668748,1180923195.26");
        assertThat(single("SELECT difficulty FROM dwd.btc_block WHERE block_height = 0")).isEqualTo("1");
    }

    @Test
    void addressLabelsComeFromMysql() {
        // the bitcoin-data/mining-pools registry lists bc1qjl8u... as a BTC.com payout address; block 540107
        // (2018-09-05) pays its coinbase there
        assertThat(single("SELECT label, label_category FROM ads.address_rank_day WHERE dt = '2018-09-05' "
                + "AND rank_by = 'received_sat' AND address = 'bc1qjl8uwezzlech723lpnyuza0h2cdkvxvh54v3dn'"))
                .isEqualTo("BTC.com,mining_pool");
    }

    @Test
    void reportTablesArePartitionedByDayAndFilled() {
        assertThat(single("SELECT COUNT(*) FROM ads.chain_daily_report WHERE dt = '2009-01-03'")).isEqualTo("1");
        assertThat(single("SELECT block_count, tx_count FROM ads.chain_daily_report WHERE dt = '2009-01-03'"))
                .isEqualTo("1,1");
        // block 170's payment moves exactly 50 BTC, the default large-transaction threshold
        assertThat(query("SELECT txid FROM ads.large_tx WHERE dt = '2009-01-12'"))
                .contains("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        assertThat(single("SELECT COUNT(*) > 0 FROM ads.address_rank_day")).isEqualTo("true");
        assertThat(single("SELECT COUNT(*) FROM ads.difficulty_epoch WHERE epoch = 0")).isEqualTo("1");
    }

    @Test
    void loadingAndBuildingAgainChangesNothing() {
        // the demo's load and build, run again through load-blocks and build with the same inputs
        String before = warehouseTables();
        Path data = TestWarehouse.mainnetData();
        CliRun reload = CliRun.of("--warehouse", warehouse, "load-blocks",
                data.resolve("blocks-000000-000438.blk").toString(),
                data.resolve("block-277647.blk").toString(),
                data.resolve("sample-blocks-2012-2019.blk").toString(),
                "--prevouts", data.resolve("block-277647.prevouts.jsonl").toString(),
                "--heights", data.resolve("sample-blocks-2012-2019.heights").toString());
        assertThat(reload.exitCode()).as(reload.err()).isZero();
        assertThat(reload.out()).contains("loaded 0 new blocks").contains("450 already loaded");
        CliRun rebuild = CliRun.of("--warehouse", warehouse, "--set", "mysql.database=" + LABEL_DATABASE, "build");
        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("dwd.btc_tx").contains("ads.chain_daily_report");
        assertThat(warehouseTables()).isEqualTo(before);
    }

    /** Row counts of the data layers; dq.check_result grows by design (every build appends its checks). */
    private static String warehouseTables() {
        return String.join("\n", CliRun.of("--warehouse", warehouse, "tables").lines().stream()
                .filter(line -> !line.startsWith("dq.")).toList());
    }

    @Test
    void aBadQueryIsOneClearLineAndANonZeroExit() {
        CliRun r = CliRun.of("--warehouse", warehouse, "query", "SELECT nope FROM dwd.btc_block");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList()).hasSize(1);
        assertThat(r.err()).contains("nope");
    }
}
