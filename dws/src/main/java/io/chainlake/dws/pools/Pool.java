package io.chainlake.dws.pools;

import java.util.List;

/**
 * One mining pool of the bitcoin-data/mining-pools registry: its id, name, the coinbase payout addresses it uses or
 * used, the tags it writes into the coinbase scriptSig, and its website.
 */
public record Pool(int id, String name, List<String> addresses, List<String> tags, String link) {

    public Pool {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("pool " + id + " has no name");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
