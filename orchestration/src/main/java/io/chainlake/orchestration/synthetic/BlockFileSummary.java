package io.chainlake.orchestration.synthetic;

import java.nio.file.Path;

/**
 * What {@link SyntheticChain#writeBlockFile} wrote.
 *
 * @param file             the block file
 * @param blockCount       blocks written
 * @param transactionCount transactions in them, coinbases included
 * @param byteCount        bytes in the file, record headers included
 * @param heightsFile      the heights file content for these blocks (see {@link SyntheticChain#heightsFile()}),
 *                         gathered while writing so the chain need not be generated twice
 */
public record BlockFileSummary(Path file, int blockCount, long transactionCount, long byteCount, String heightsFile) {
}
