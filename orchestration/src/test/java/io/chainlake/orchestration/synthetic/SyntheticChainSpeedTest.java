package io.chainlake.orchestration.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints generation speed; asserts nothing about it (machines differ). */
class SyntheticChainSpeedTest {

    @Test
    void printsTheSpeedOfGenerating20kTransactions(@TempDir Path dir) throws IOException {
        // 101 blocks until the first coinbase matures, then 100 blocks of 200 payments
        SyntheticChain chain = new SyntheticChain(SyntheticChainConfig.of(201, 200, 20_000L));
        warmUp();

        long start = System.nanoTime();
        long transactions = 0;
        long bytes = 0;
        for (Iterator<SyntheticBlock> it = chain.iterator(); it.hasNext(); ) {
            SyntheticBlock block = it.next();
            transactions += block.transactionCount() - 1;
            bytes += block.raw().length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long fileStart = System.nanoTime();
        BlockFileSummary summary = chain.writeBlockFile(dir.resolve("blk00000.dat"));
        double fileSeconds = (System.nanoTime() - fileStart) / 1e9;

        System.out.printf(Locale.ROOT, "SyntheticChain: %,d payments in %,d blocks (%,.1f MB) in %.2f s: %,.0f tx/s, "
                        + "%.1f MB/s; writeBlockFile %.2f s (%,d bytes)%n",
                transactions, chain.blockCount(), bytes / 1e6, seconds, transactions / seconds, bytes / 1e6 / seconds,
                fileSeconds, Files.size(summary.file()));
        assertThat(transactions).isEqualTo(20_000);
    }

    private static void warmUp() {
        new SyntheticChain(SyntheticChainConfig.of(60, 100, 1L).withCoinbaseMaturity(1)).forEach(b -> { });
    }
}
