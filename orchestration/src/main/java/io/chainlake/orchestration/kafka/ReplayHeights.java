package io.chainlake.orchestration.kafka;

import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.BlockHeaderInfo;
import io.chainlake.ods.blockfile.FoundBlock;
import io.chainlake.ods.blockfile.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.Sha256Hash;

/**
 * The heights {@code replay} puts in the {@value ChainTopics#HEIGHT_HEADER} header, found the way {@code load-blocks}
 * and the chain index place blocks: the replayed files are read once for their headers, and
 * <ol>
 *   <li>a block whose parent is among the replayed blocks is one above its parent, whatever the file order;</li>
 *   <li>the first block of a segment (its parent is not replayed) is 0 when it is a genesis block (all-zero
 *       parent), else the height the {@code --heights} file lists for it, else its BIP34 coinbase height;</li>
 *   <li>a segment whose first block has none of these has no known height, and its records no height header.</li>
 * </ol>
 * So the bundled blocks 0..438 all get heights from the genesis block, and a lone post-2013 block its BIP34 height.
 */
final class ReplayHeights {

    private static final String GENESIS_PARENT = Sha256Hash.ZERO_HASH.toString();

    private final Map<String, Integer> heights;
    private final int blockCount;

    private ReplayHeights(Map<String, Integer> heights, int blockCount) {
        this.heights = heights;
        this.blockCount = blockCount;
    }

    /** Reads the headers of every block in {@code paths} and places them (see the class comment). */
    static ReplayHeights scan(List<Path> paths, Network network, Map<String, Integer> heightsFile) throws IOException {
        Map<String, BlockHeaderInfo> headers = new LinkedHashMap<>();
        new BlockFileReader(network).read(paths, entry -> {
            if (entry instanceof FoundBlock b) {
                headers.putIfAbsent(b.header().blockHash(), b.header());
            }
        });
        return place(headers.values(), heightsFile);
    }

    /** Places the given headers (each hash once) with the heights file's lines for segment roots. */
    static ReplayHeights place(Iterable<BlockHeaderInfo> headers, Map<String, Integer> heightsFile) {
        Map<String, BlockHeaderInfo> byHash = new LinkedHashMap<>();
        headers.forEach(h -> byHash.putIfAbsent(h.blockHash(), h));
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Integer> heights = new HashMap<>();
        Deque<String> placed = new ArrayDeque<>();
        for (BlockHeaderInfo h : byHash.values()) {
            String parent = h.prevBlockHash();
            if (byHash.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(h.blockHash());
                continue;
            }
            Integer root = GENESIS_PARENT.equals(parent) ? Integer.valueOf(0)
                    : heightsFile.getOrDefault(h.blockHash(), h.bip34Height());
            if (root != null) {
                heights.put(h.blockHash(), root);
                placed.add(h.blockHash());
            }
        }
        while (!placed.isEmpty()) {
            String hash = placed.poll();
            int height = heights.get(hash);
            for (String child : children.getOrDefault(hash, List.of())) {
                heights.put(child, height + 1);
                placed.add(child);
            }
        }
        return new ReplayHeights(Collections.unmodifiableMap(heights), byHash.size());
    }

    /** The block's height, or null when it has none (see the class comment). */
    Integer heightOf(String blockHash) {
        return heights.get(blockHash);
    }

    /** Distinct blocks found. */
    int blockCount() {
        return blockCount;
    }
}
