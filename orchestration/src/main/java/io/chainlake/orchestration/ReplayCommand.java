package io.chainlake.orchestration;

import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.HeightsFile;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.orchestration.kafka.BlockReplay;
import io.chainlake.orchestration.kafka.ChainTopics;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.kafka.ReplayOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publish the blocks of Bitcoin Core block files to Kafka as a live node would see them: each block's raw "
                    + "bytes to topic btc.block (key = block hash; headers network and, when known, height), once, "
                    + "in file order. With --mempool each transaction after the coinbase goes to btc.mempool_tx "
                    + "first (key = txid), --mempool-lead seconds before its block.",
            "Heights: one above the parent when the parent is replayed too (genesis = 0), else the --heights line, "
                    + "else the BIP34 coinbase height; none otherwise. Missing topics are created with 1 partition, "
                    + "so btc.block keeps the order blocks were sent in.",
            "Kafka: --bootstrap-servers, else kafka.bootstrap-servers when configured, else the broker of a running "
                    + "'kafka start', else 127.0.0.1:9092."})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Block files, or directories of blk*.dat files.")
    List<Path> paths;

    @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "main",
            description = "main | testnet3 | testnet4 | signet | regtest (default main).")
    String network;

    @Option(names = "--heights", paramLabel = "FILE",
            description = "block_hash,height lines for blocks whose parent is not replayed and that carry no BIP34 "
                    + "height.")
    Path heights;

    @Option(names = "--rate", paramLabel = "BLOCKS_PER_S",
            description = "Most blocks per second, e.g. 2 or 0.1 (default: as fast as Kafka takes them).")
    double rate;

    @Option(names = "--mempool", description = "Publish each block's transactions to btc.mempool_tx before it.")
    boolean mempool;

    @Option(names = "--mempool-lead", paramLabel = "SECONDS", defaultValue = "2",
            description = "How long before its block a transaction is published (default 2).")
    double mempoolLead;

    @Option(names = "--shuffle", paramLabel = "SEED",
            description = "Publish the blocks in a random order (same seed, same order), children before parents, "
                    + "as a live network may deliver them.")
    Long shuffle;

    @Option(names = "--duplicates", paramLabel = "N", defaultValue = "0",
            description = "Deliver N blocks a second time at a random later point (redeliveries).")
    int duplicates;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka cluster to publish to.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        Network net = Network.fromCliName(network);
        if (!(mempoolLead >= 0) || Double.isInfinite(mempoolLead)) {
            throw new IllegalArgumentException("--mempool-lead " + mempoolLead + ": give seconds, 0 or more");
        }
        BlockFileReader.blockFiles(paths); // bad paths fail before Kafka is asked
        if (heights != null && !Files.isReadable(heights)) {
            throw new IllegalArgumentException(heights + ": heights file does not exist or is not readable");
        }
        Map<String, Integer> heightLines = heights == null ? Map.of() : HeightsFile.read(heights);
        if (duplicates < 0) {
            throw new IllegalArgumentException("--duplicates " + duplicates + ": give 0 or more");
        }
        boolean reorder = shuffle != null || duplicates > 0;
        ReplayOrder.Reordered reordered = reorder ? ReplayOrder.of(paths, net, shuffle, duplicates,
                shuffle == null ? 0 : shuffle, System.err::println) : null;
        List<Path> files = reorder ? List.of(reordered.file()) : paths;
        BlockReplay.Options options = new BlockReplay.Options(net, heightLines, rate, mempool,
                Duration.ofNanos(Math.round(mempoolLead * 1e9)), duplicates > 0);
        String servers = KafkaCommand.bootstrapServers(bootstrapServers, cli);
        KafkaCluster.requireReachable(servers);
        try (Admin admin = KafkaCluster.admin(servers)) {
            KafkaCluster.createMissingTopics(admin, ChainTopics.all());
        }
        BlockReplay.Result r;
        try (KafkaProducer<String, byte[]> producer = KafkaCluster.producer(servers)) {
            r = new BlockReplay(producer, options, System.err::println).replay(files);
        }
        // reordered, the replay reads a file of whole distinct blocks and their redeliveries: what the input held
        // more than once or could not read, ReplayOrder counted
        long inputDuplicates = reorder ? reordered.inputDuplicates() : r.duplicates();
        long badRecords = reorder ? reordered.badRecords() : r.problems();
        if (inputDuplicates > 0 || badRecords > 0) {
            System.err.printf("skipped %d blocks found more than once and %d bad records%n", inputDuplicates,
                    badRecords);
        }
        if (reorder && r.duplicates() > 0) {
            System.err.printf("redelivered %d blocks a second time%n", r.duplicates());
        }
        System.out.printf("published %d blocks (%d mempool transactions) to %s at %s%n", r.blocks(),
                r.mempoolTransactions(), ChainTopics.BLOCK, servers);
        return 0;
    }
}
