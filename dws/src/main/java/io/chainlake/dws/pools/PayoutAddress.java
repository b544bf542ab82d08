package io.chainlake.dws.pools;

/** A coinbase payout address the pool registry attributes to a pool, for seeding an address-label table. */
public record PayoutAddress(String address, String poolName) {
}
