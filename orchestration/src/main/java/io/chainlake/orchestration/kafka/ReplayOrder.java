package io.chainlake.orchestration.kafka;

import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.BlockProblem;
import io.chainlake.ods.blockfile.FoundBlock;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.orchestration.synthetic.BlockFileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The order a live network delivers blocks in, for {@code replay --shuffle / --duplicates}: the distinct blocks of
 * the input, in a random order when shuffled (children before parents), plus {@code duplicates} blocks delivered a
 * second time at a random later point. Written as a temporary block file, so the replay itself reads files as always. Deterministic per seed.
 */
public final class ReplayOrder {

    private ReplayOrder() {
    }

    /**
     * The temporary block file, and what of the input it leaves out: blocks found more than once (each is in it
     * once, plus its redeliveries) and bad records, which only {@code problems} names (one {@code skipped: ...}
     * line each), since the replay itself reads whole blocks only.
     */
    public record Reordered(Path file, int inputDuplicates, int badRecords) {}

    public static Reordered of(List<Path> paths, Network network, Long shuffleSeed, int duplicates, long duplicateSeed,
            Consumer<String> problems) throws IOException {
        Map<String, byte[]> blocks = new LinkedHashMap<>();
        int[] inputDuplicates = {0};
        int[] badRecords = {0};
        new BlockFileReader(network).read(paths, entry -> {
            if (entry instanceof FoundBlock b) {
                if (blocks.putIfAbsent(b.header().blockHash(), b.raw()) != null) {
                    inputDuplicates[0]++;
                }
            } else if (entry instanceof BlockProblem p) {
                badRecords[0]++;
                problems.accept(BlockReplay.skipped(p));
            }
        });
        List<byte[]> order = new ArrayList<>(blocks.values());
        if (shuffleSeed != null) {
            Collections.shuffle(order, new Random(shuffleSeed));
        }
        Random random = new Random(duplicateSeed);
        for (int i = 0; i < Math.min(duplicates, blocks.size()); i++) {
            int from = random.nextInt(order.size());
            int to = from + 1 + random.nextInt(order.size() - from);
            order.add(to, order.get(from));
        }
        Path file = Files.createTempFile("chainlake-replay-shuffled-", ".blk");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file);
                BlockFileWriter writer = new BlockFileWriter(out, network.magicBytes())) {
            for (byte[] block : order) {
                writer.write(block);
            }
        }
        return new Reordered(file, inputDuplicates[0], badRecords[0]);
    }
}
