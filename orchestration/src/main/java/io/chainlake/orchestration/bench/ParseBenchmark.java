package io.chainlake.orchestration.bench;

import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.BlockProblem;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.blockfile.ReaderCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parse-only baseline: what the ODS reader alone does with a block file - read the records, decode every
 * transaction with bitcoinj, hash the txids and check the merkle root - with nothing written anywhere.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {
    }

    /**
     * Reads {@code file} again and again until {@code atLeastSeconds} have passed (at least once): a short pass is
     * at the mercy of one scheduler hiccup. Returns the work of all passes in their total time.
     */
    public static Throughput measure(Path file, Network network, double atLeastSeconds) throws IOException {
        Throughput total = readOnce(file, network);
        while (total.seconds() < atLeastSeconds) {
            Throughput pass = readOnce(file, network);
            total = new Throughput(total.blocks() + pass.blocks(), total.transactions() + pass.transactions(),
                    total.bytes() + pass.bytes(), total.seconds() + pass.seconds());
        }
        return total;
    }

    /**
     * Reads {@code file} once with a fresh {@link BlockFileReader}.
     *
     * @throws IllegalStateException when the file holds a bad record: a benchmark file must be clean
     */
    public static Throughput readOnce(Path file, Network network) throws IOException {
        BlockFileReader reader = new BlockFileReader(network);
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        reader.readFile(file, entry -> {
            if (entry instanceof BlockProblem p) {
                problems.add(p.message());
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + ": " + problems.size() + " bad records, the first: "
                    + problems.get(0));
        }
        ReaderCounters counters = reader.counters();
        return new Throughput(counters.blocks(), counters.transactions(), Files.size(file), seconds);
    }
}
