package io.chainlake.dws.stats;

import java.util.Comparator;

/**
 * One element of getblockstats' {@code feerate_array}: a transaction's feerate in sat/vB and its weight in weight
 * units. Ordered as {@code std::pair} orders in C++: by feerate, then by weight.
 */
public record FeerateWeight(long feerate, long weight) implements Comparable<FeerateWeight> {

    private static final Comparator<FeerateWeight> PAIR_ORDER =
            Comparator.comparingLong(FeerateWeight::feerate).thenComparingLong(FeerateWeight::weight);

    /**
     * The pair getblockstats records for a transaction paying {@code feeSat} at {@code weight}:
     * {@code weight ? (txfee * WITNESS_SCALE_FACTOR) / weight : 0} with integer division, WITNESS_SCALE_FACTOR = 4.
     */
    public static FeerateWeight ofTransaction(long feeSat, long weight) {
        long feerate = weight != 0 ? feeSat * 4 / weight : 0;
        return new FeerateWeight(feerate, weight);
    }

    @Override
    public int compareTo(FeerateWeight other) {
        return PAIR_ORDER.compare(this, other);
    }
}
