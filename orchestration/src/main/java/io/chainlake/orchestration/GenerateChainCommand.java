package io.chainlake.orchestration;

import io.chainlake.orchestration.synthetic.BlockFileSummary;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate-chain",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic regtest chain as Bitcoin Core block files, to try chainlake without a node: the "
                    + "generator of 'bench' (valid serialized blocks mined at the regtest target, BIP34 heights, "
                    + "payments spending earlier outputs), deterministic per seed.",
            "OUT/chain.blk holds heights 0 to N-1. With --reorg-depth D, OUT/branch.blk holds a competing branch "
                    + "from height N-1-D: D+1 blocks, one more than the blocks it replaces, so it carries more work "
                    + "and becomes the main chain once loaded or replayed after chain.blk. Both files use the "
                    + "regtest magic: give --network regtest to load-blocks and replay, and --set network=regtest "
                    + "to the commands that read the warehouse."})
final class GenerateChainCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "20",
            description = "Blocks of the chain, genesis included (default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--txs-per-block", paramLabel = "M", defaultValue = "10",
            description = "Payments per block besides the coinbase (default ${DEFAULT-VALUE}).")
    int txsPerBlock;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Generator seed: the same seed gives the same blocks (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reorg-depth", paramLabel = "D",
            description = "Also write branch.blk, replacing the top D blocks of the chain (a reorg of depth D).")
    Integer reorgDepth;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the files to.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (blocks < 2) {
            throw new IllegalArgumentException("--blocks " + blocks + ": give 2 or more (genesis and a block)");
        }
        if (reorgDepth != null && (reorgDepth < 1 || reorgDepth > blocks - 1)) {
            throw new IllegalArgumentException("--reorg-depth " + reorgDepth + ": give 1 to " + (blocks - 1)
                    + " (a branch replaces blocks above genesis)");
        }
        Files.createDirectories(out);
        // payments start at block 2, as in bench: a coinbase may be spent one block after it
        SyntheticChain chain = new SyntheticChain(
                SyntheticChainConfig.of(blocks, txsPerBlock, seed).withCoinbaseMaturity(1));
        List<String[]> chainBlocks = describe("chain", chain, chain.writeBlockFile(out.resolve("chain.blk")));
        if (reorgDepth != null) {
            int forkPoint = chain.tipHeight() - reorgDepth;
            SyntheticChain branch = chain.overtakingFork(forkPoint, seed + 1);
            describe("branch", branch, branch.writeBlockFile(out.resolve("branch.blk")));
            List<String[]> replaced = chainBlocks.subList(forkPoint + 1, chainBlocks.size());
            System.out.printf("reorg: branch.blk forks from height %d and replaces %d blocks:%n", forkPoint,
                    replaced.size());
            replaced.forEach(b -> System.out.printf("  %s %s%n", b[1], b[0]));
        }
        return 0;
    }

    /**
     * Prints what was written; returns the file's blocks as {hash, height}, in height order (from the heights file
     * the writer gathered, so the chain is not generated again).
     */
    private static List<String[]> describe(String name, SyntheticChain chain, BlockFileSummary file) {
        List<String[]> blocks = file.heightsFile().lines().skip(1).map(line -> line.split(",")).toList();
        System.out.printf("%s: %s, heights %d..%d, %d blocks, %,d transactions, %,d bytes; first %s, tip %s%n",
                name, file.file(), chain.firstHeight(), chain.tipHeight(), file.blockCount(),
                file.transactionCount(), file.byteCount(), blocks.get(0)[0], blocks.get(blocks.size() - 1)[0]);
        return blocks;
    }
}
