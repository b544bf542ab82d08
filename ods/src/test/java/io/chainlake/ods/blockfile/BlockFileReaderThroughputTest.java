package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ods.MainnetData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the reader goes on the 10-block sample (10,924 transactions, 7.4 MB), so the cost of bitcoinj
 * decoding is known. Measures, does not assert a speed: machines differ. One thread; about 2.5 s in all.
 */
class BlockFileReaderThroughputTest {

    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 1_000_000_000L;

    @Test
    void printThroughputOnTheSampleFile() throws IOException {
        Path file = MainnetData.file("sample-blocks-2012-2019.blk");
        List<byte[]> raws = Entries.read(Network.MAIN, file).blocks().stream().map(FoundBlock::raw).toList();
        for (long start = System.nanoTime(); System.nanoTime() - start < WARM_UP_NANOS; ) {
            new BlockFileReader(Network.MAIN).read(List.of(file), e -> { });
        }

        BlockFileReader reader = new BlockFileReader(Network.MAIN);
        long start = System.nanoTime();
        do {
            reader.read(List.of(file), e -> { });
        } while (System.nanoTime() - start < MEASURE_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        ReaderCounters c = reader.counters();
        assertThat(c.transactions()).isEqualTo(10_924L * c.files());
        System.out.printf("BlockFileReader on %s: %.0f blocks/s, %.0f tx/s, %.1f MB/s (%d passes in %.2f s)%n",
                file.getFileName(), c.blocks() / seconds, c.transactions() / seconds, c.bytesRead() / seconds / 1e6,
                c.files(), seconds);

        long txs = 0;
        start = System.nanoTime();
        do {
            for (byte[] raw : raws) {
                try {
                    txs += BlockDecoder.decode(raw).txCount();
                } catch (UndecodableBlockException e) {
                    throw new AssertionError(e);
                }
            }
        } while (System.nanoTime() - start < MEASURE_NANOS / 2);
        System.out.printf("BlockDecoder alone (bitcoinj parse, txid hashing, merkle check): %.0f tx/s%n",
                txs / ((System.nanoTime() - start) / 1e9));
    }
}
