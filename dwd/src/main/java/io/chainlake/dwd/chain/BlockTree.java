package io.chainlake.dwd.chain;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header tree of every block in the warehouse, and from it each block's height, cumulative work and whether it
 * is on the best chain.
 *
 * <p>Blocks linked by {@code prev_block_hash} form segments; a segment whose first block's parent is missing starts
 * at that block's stated height (BIP34 coinbase height or the heights file). Within a segment the best chain is
 * the path to the tip with most cumulative work (ties: the lower block hash, so results are deterministic). Across
 * segments, a block counts as main chain unless a block of another segment at the same height carries more work
 * from there to its own tip: the work below two detached segments is unknown, the work above them is not.
 */
public final class BlockTree {

    private static final int MEDIAN_TIME_SPAN = 11;

    private final Map<String, BlockHeaderLink> blocks = new LinkedHashMap<>();

    public BlockTree(Collection<BlockHeaderLink> headers) {
        headers.forEach(h -> blocks.putIfAbsent(h.blockHash(), h));
    }

    public List<ChainPosition> positions() {
        Map<String, List<String>> children = new HashMap<>();
        List<String> roots = new ArrayList<>();
        for (BlockHeaderLink b : blocks.values()) {
            if (blocks.containsKey(b.prevBlockHash())) {
                children.computeIfAbsent(b.prevBlockHash(), k -> new ArrayList<>()).add(b.blockHash());
            } else {
                roots.add(b.blockHash());
            }
        }
        Map<String, Integer> height = new HashMap<>();
        Map<String, String> source = new HashMap<>();
        Map<String, String> root = new HashMap<>();
        Map<String, BigInteger> work = new HashMap<>();
        for (String r : roots) {
            BlockHeaderLink b = blocks.get(r);
            boolean genesis = BlockHeaderLink.NO_PARENT.equals(b.prevBlockHash());
            Integer h = genesis ? Integer.valueOf(0) : b.heightHint();
            String src = genesis ? "genesis" : b.hintSource();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(r);
            height.put(r, h);
            source.put(r, src);
            while (!queue.isEmpty()) {
                String hash = queue.poll();
                BlockHeaderLink cur = blocks.get(hash);
                BigInteger below = hash.equals(r) ? BigInteger.ZERO : work.get(cur.prevBlockHash());
                work.put(hash, below.add(cur.work()));
                root.put(hash, r);
                for (String child : children.getOrDefault(hash, List.of())) {
                    Integer ph = height.get(hash);
                    height.put(child, ph == null ? null : ph + 1);
                    source.put(child, "parent");
                    queue.add(child);
                }
            }
        }
        Set<String> main = mainChain(roots, work, height, root);
        List<ChainPosition> out = new ArrayList<>(blocks.size());
        for (BlockHeaderLink b : blocks.values()) {
            String hash = b.blockHash();
            out.add(new ChainPosition(hash, height.get(hash), height.get(hash) == null ? null : source.get(hash),
                    root.get(hash), work.get(hash), medianTime(hash, height), main.contains(hash)));
        }
        return out;
    }

    private Set<String> mainChain(
            List<String> roots, Map<String, BigInteger> work, Map<String, Integer> height, Map<String, String> root) {
        // best tip per segment
        Map<String, String> bestTip = new HashMap<>();
        Comparator<String> byWorkThenHash = Comparator.<String, BigInteger>comparing(work::get)
                .thenComparing(Comparator.<String>reverseOrder());
        for (String hash : blocks.keySet()) {
            if (height.get(hash) == null) {
                continue; // a segment without a known height cannot be placed on the chain
            }
            bestTip.merge(root.get(hash), hash, (a, b) -> byWorkThenHash.compare(a, b) >= 0 ? a : b);
        }
        // candidates: the best path of each segment, with the work from each block to the segment's tip
        Map<Integer, String> winnerAtHeight = new HashMap<>();
        Map<String, BigInteger> workAbove = new HashMap<>();
        Set<String> candidates = new HashSet<>();
        for (String tip : bestTip.values()) {
            BigInteger tipWork = work.get(tip);
            String cur = tip;
            while (cur != null) {
                BlockHeaderLink b = blocks.get(cur);
                candidates.add(cur);
                workAbove.put(cur, tipWork.subtract(work.get(cur)).add(b.work()));
                cur = blocks.containsKey(b.prevBlockHash()) ? b.prevBlockHash() : null;
            }
        }
        for (String hash : candidates) {
            winnerAtHeight.merge(height.get(hash), hash, (a, b) -> {
                int c = workAbove.get(a).compareTo(workAbove.get(b));
                return c > 0 || (c == 0 && a.compareTo(b) < 0) ? a : b;
            });
        }
        return new HashSet<>(winnerAtHeight.values());
    }

    /** BIP113 median time past over this block and up to 10 ancestors; null when the ancestors are not known. */
    private Long medianTime(String hash, Map<String, Integer> height) {
        long[] times = new long[MEDIAN_TIME_SPAN];
        int n = 0;
        String cur = hash;
        while (n < MEDIAN_TIME_SPAN && cur != null) {
            BlockHeaderLink b = blocks.get(cur);
            times[n++] = b.timeSeconds();
            cur = blocks.containsKey(b.prevBlockHash()) ? b.prevBlockHash() : null;
        }
        Integer h = height.get(hash);
        boolean reachedGenesisSide = h != null && h == n - 1;
        if (n < MEDIAN_TIME_SPAN && !reachedGenesisSide) {
            return null;
        }
        long[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        return sorted[n / 2];
    }
}
