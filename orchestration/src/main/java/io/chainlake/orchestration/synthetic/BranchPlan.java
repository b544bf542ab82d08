package io.chainlake.orchestration.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which blocks a {@link SyntheticChain} stands for: the seeded segments from genesis to its tip, and the heights it
 * hands out. The main chain is one segment from height 0; a fork keeps the segments up to its fork point and adds
 * one with its own seed from the next height. Generation replays every segment from genesis, so a fork's UTXO set
 * at the fork point is exactly the parent branch's.
 *
 * @param segments    the segments, by increasing first height; the first starts at 0
 * @param firstHeight the first height handed out: 0 for the main chain, the fork point + 1 for a fork
 * @param tipHeight   the last height
 */
record BranchPlan(List<Segment> segments, int firstHeight, int tipHeight) {

    /** From {@code firstHeight} on (up to the next segment), blocks are drawn from {@code seed}. */
    record Segment(int firstHeight, long seed) {
    }

    BranchPlan {
        segments = List.copyOf(segments);
    }

    static BranchPlan main(long seed, int blockCount) {
        return new BranchPlan(List.of(new Segment(0, seed)), 0, blockCount - 1);
    }

    /**
     * A branch whose first block's parent is this branch's block at {@code fromHeight}.
     *
     * @throws IllegalArgumentException when {@code fromHeight} is not a height of this branch or {@code length} is
     *                                  not positive
     */
    BranchPlan fork(int fromHeight, int length, long seed) {
        if (fromHeight < 0 || fromHeight > tipHeight) {
            throw new IllegalArgumentException("fork point " + fromHeight + " is not a height of this branch (0.."
                    + tipHeight + ")");
        }
        if (length < 1) {
            throw new IllegalArgumentException("fork length " + length + ": a fork has at least one block");
        }
        if ((long) fromHeight + length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fork of " + length + " blocks from " + fromHeight + " is too long");
        }
        List<Segment> kept = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.firstHeight() <= fromHeight) {
                kept.add(segment);
            }
        }
        kept.add(new Segment(fromHeight + 1, seed));
        return new BranchPlan(kept, fromHeight + 1, fromHeight + length);
    }

    /** The seed of the segment that starts at {@code height}, if one does. */
    OptionalLong seedStartingAt(int height) {
        for (Segment segment : segments) {
            if (segment.firstHeight() == height) {
                return OptionalLong.of(segment.seed());
            }
        }
        return OptionalLong.empty();
    }
}
