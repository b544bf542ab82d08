package io.chainlake.orchestration.synthetic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The outputs a branch has not spent yet. An output taken from the pool is gone from it, so a branch never
 * spends an output twice; coinbase outputs wait until their maturity height before they can be taken.
 *
 * <p>Random picks are O(1): the picked slot is filled with the last entry. The order of entries, and so every
 * pick, depends only on the calls made, which keeps generation deterministic.
 */
final class UtxoPool {

    private final List<Utxo> spendable = new ArrayList<>();
    private final ArrayDeque<ImmatureCoinbase> immature = new ArrayDeque<>();

    /** Makes an output spendable now. */
    void add(Utxo utxo) {
        spendable.add(utxo);
    }

    /**
     * Holds a coinbase output back until height {@code spendableFrom}. Calls must come in non-decreasing
     * {@code spendableFrom} order (block order).
     */
    void addCoinbase(Utxo utxo, int spendableFrom) {
        immature.addLast(new ImmatureCoinbase(utxo, spendableFrom));
    }

    /** Releases the coinbase outputs that may be spent in a block at {@code height}. */
    void matureAt(int height) {
        while (!immature.isEmpty() && immature.peekFirst().spendableFrom() <= height) {
            spendable.add(immature.removeFirst().utxo());
        }
    }

    /** Spendable outputs. */
    int size() {
        return spendable.size();
    }

    /** Removes and returns a random spendable output. */
    Utxo takeRandom(Random random) {
        if (spendable.isEmpty()) {
            throw new IllegalStateException("no spendable output left");
        }
        int i = random.nextInt(spendable.size());
        Utxo picked = spendable.get(i);
        Utxo last = spendable.remove(spendable.size() - 1);
        if (i < spendable.size()) {
            spendable.set(i, last);
        }
        return picked;
    }

    private record ImmatureCoinbase(Utxo utxo, int spendableFrom) {
    }
}
