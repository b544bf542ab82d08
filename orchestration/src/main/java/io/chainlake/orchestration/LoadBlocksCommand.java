package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.BlockLoader;
import io.chainlake.ods.load.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "load-blocks", description = "Load Bitcoin Core block files (blk*.dat directories or single files) into ODS.")
final class LoadBlocksCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Block files, or directories of blk*.dat files.")
    List<Path> paths;

    @Option(names = "--network", defaultValue = "main",
            description = "main | testnet3 | testnet4 | signet | regtest (default main).")
    String network;

    @Option(names = "--prevouts", paramLabel = "FILE",
            description = "JSON-lines file of outputs the blocks spend but the warehouse lacks (repeatable).")
    List<Path> prevouts = new ArrayList<>();

    @Option(names = "--heights", paramLabel = "FILE",
            description = "block_hash,height lines for blocks whose parent is not loaded and that carry no BIP34 height.")
    Path heights;

    @Override
    public Integer call() throws Exception {
        Network net = Network.fromCliName(network);
        try (WarehouseSession session = WarehouseSession.batch(cli.config().with("network", net.cliName()))) {
            LoadResult r = new BlockLoader(session, net, System.err::println, line -> System.err.println("reject: " + line))
                    .load(paths, prevouts, heights);
            System.out.printf("loaded %d new blocks (%d found, %d already loaded, %d rejected, %d prevouts) as %s%n",
                    r.blocksAdded(), r.blocksFound(), r.alreadyLoaded(), r.rejected(), r.prevouts(), r.loadId());
            WarehouseNetwork.hint(net.cliName(), cli.config()).ifPresent(System.err::println);
            return 0;
        }
    }
}
