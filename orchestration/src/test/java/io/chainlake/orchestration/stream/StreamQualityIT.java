package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.orchestration.CliRun;
import io.chainlake.orchestration.kafka.ChainFixtures;
import io.chainlake.orchestration.synthetic.BlockFileWriter;
import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's quality rounds check what arrived since the last round and record it in dq.check_result's
 * {@code partition}; a round with no new data checks nothing, and a round after a reorg checks again from the first
 * height the reorg gave another block, not only above the last checked tip. Regtest blocks of the same generated
 * chain and branch as StreamReorgIT, built in batch: the first main chain, then the branch (more work, replacing the
 * top blocks) loaded and built on top. (One class, one warehouse: a build of the bundled mainnet blocks for the
 * first two rounds alone cost this class a third of its time.)
 */
class StreamQualityIT {

    @Test
    void roundsRecordWhatTheyCheckedSkipNoNewDataAndAfterAReorgCheckAgainFromTheFirstReplacedHeight(@TempDir Path dir)
            throws Exception {
        SyntheticChain chain = new SyntheticChain(SyntheticChainConfig.of(12, 3, 42L).withCoinbaseMaturity(2));
        ChainFixtures.Scenario live = ChainFixtures.liveLike(chain, 3, 7L);
        ChainlakeConfig config = TestWarehouse.config(dir).with(ChainlakeConfig.NETWORK, "regtest");
        String warehouse = config.warehouse().toString();
        loadAndBuild(dir.resolve("first.dat"), warehouse, live.mainChain());
        assertThat(live.mainChain().get(0).height()).isZero();
        int oldTip = live.mainChain().get(live.mainChain().size() - 1).height();
        int firstReplaced = live.branch().get(0).height();
        int newTip = live.branch().get(live.branch().size() - 1).height();
        assertThat(firstReplaced).isLessThanOrEqualTo(oldTip - 2); // a reorg of depth 3
        String day = live.mainChain().get(0).time().atZone(ZoneOffset.UTC).toLocalDate().toString();
        assertThat(live.branch()).allSatisfy(b -> assertThat(b.time().atZone(ZoneOffset.UTC).toLocalDate())
                .hasToString(day)); // the generated chain fits in one day

        List<String> lines = new CopyOnWriteArrayList<>();
        try (StreamQuality quality = new StreamQuality(config, Duration.ofMillis(1), lines::add)) {
            quality.maybeRun(1); // the first data: a round at once
            awaitRounds(quality, 1);
            Thread.sleep(5);
            quality.maybeRun(2); // more commits, but no new main-chain block or share
            awaitRounds(quality, 2);
            loadAndBuild(dir.resolve("branch.dat"), warehouse, live.branch());
            Thread.sleep(5);
            quality.maybeRun(3);
            awaitRounds(quality, 3);
        }

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("(block_height 0-" + oldTip + ")"));
        assertThat(lines).contains("stream quality: no new main-chain blocks or shares since the last round");
        // checks whose rows carry block_height look at the new heights, from the reorg's first replaced height on
        assertThat(query(warehouse, "SELECT `partition` FROM dq.check_result WHERE run_id LIKE 'stream-%' "
                + "AND check_name = 'btc_block__main_chain_links' ORDER BY started_at"))
                .containsExactly("block_height 0-" + oldTip, "block_height " + firstReplaced + "-" + newTip);
        // day aggregates at their days: the chain's one day, in both rounds
        assertThat(query(warehouse, "SELECT `partition` FROM dq.check_result WHERE run_id LIKE 'stream-%' "
                + "AND check_name = 'btc_chain_day__matches_dwd'")).containsExactly("dt " + day, "dt " + day);
        // a check whose rows name no height or day, and a metric check, look at everything, in both rounds
        assertThat(query(warehouse, "SELECT `partition` FROM dq.check_result WHERE run_id LIKE 'stream-%' "
                + "AND check_name IN ('btc_block_raw__primary_key', 'btc_block__freshness')"))
                .containsExactlyInAnyOrder("all", "all", "all", "all");
        // the recompute checks are left to quality run
        assertThat(query(warehouse, "SELECT COUNT(*) FROM dq.check_result WHERE check_name LIKE '%__matches_job'"))
                .containsExactly("0");
        // no shares: the pool's checks did not run
        assertThat(query(warehouse, "SELECT COUNT(*) FROM dq.check_result WHERE run_id LIKE 'stream-%' "
                + "AND table_name LIKE '%.pool%'")).containsExactly("0");
        // the round without new data wrote nothing
        assertThat(query(warehouse, "SELECT COUNT(DISTINCT run_id) FROM dq.check_result WHERE run_id LIKE 'stream-%'"))
                .containsExactly("2");
    }

    private static void loadAndBuild(Path file, String warehouse, List<SyntheticBlock> blocks) throws Exception {
        try (BlockFileWriter writer = new BlockFileWriter(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (SyntheticBlock b : blocks) {
                writer.write(b.raw());
            }
        }
        CliRun load = CliRun.of("--warehouse", warehouse, "--set", "network=regtest", "load-blocks", "--network",
                "regtest", file.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        CliRun build = CliRun.of("--warehouse", warehouse, "--set", "network=regtest", "build");
        assertThat(build.exitCode()).as(build.err()).isZero();
    }

    private static void awaitRounds(StreamQuality quality, int rounds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (quality.rounds() < rounds && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(quality.rounds()).isEqualTo(rounds);
    }

    /** The query's rows without the header. */
    private static List<String> query(String warehouse, String sql) {
        CliRun r = CliRun.of("--warehouse", warehouse, "query", sql);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.lines().subList(1, r.lines().size());
    }
}
