package io.chainlake.orchestration;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.WarehouseSession;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.types.Row;

/**
 * The network a warehouse's blocks were loaded as ({@code load-blocks --network}) against the one a command runs
 * with (config {@code network}, default main). DWD decodes addresses with each block's own network, while the ADS
 * reports, the retarget rule and the checks that decode scripts use the configured one: a testnet warehouse built
 * as main would label its reports main and fail every address check, so such a command stops before it starts.
 */
final class WarehouseNetwork {

    private WarehouseNetwork() {}

    /** Throws, naming the fix, when ods.btc_block_raw holds blocks of a network other than the configured one. */
    static void requireConfigured(WarehouseSession session) {
        String configured = session.config().get(ChainlakeConfig.NETWORK);
        TreeSet<String> loaded = new TreeSet<>();
        for (Row r : session.query("SELECT DISTINCT network FROM ods.btc_block_raw")) {
            loaded.add(String.valueOf(r.getField(0)));
        }
        if (loaded.isEmpty() || loaded.equals(Set.of(configured))) {
            return;
        }
        if (loaded.size() > 1) {
            throw new IllegalStateException("ods.btc_block_raw holds blocks of several networks (" + String.join(", ",
                    loaded) + "): one warehouse holds one network; load each into its own --warehouse");
        }
        throw new IllegalStateException("the blocks in " + session.config().warehouse() + " were loaded as "
                + loaded.first() + " but this command runs with network=" + configured + ": add --set network="
                + loaded.first() + " (or network=" + loaded.first() + " in the --config file) to every command on"
                + " this warehouse");
    }

    /** The line load-blocks prints when it loads blocks of another network than the configured one. */
    static Optional<String> hint(String loadedAs, ChainlakeConfig config) {
        String configured = config.get(ChainlakeConfig.NETWORK);
        return loadedAs.equals(configured) ? Optional.empty() : Optional.of("note: blocks loaded as " + loadedAs
                + "; build, query, quality and stream on this warehouse need --set network=" + loadedAs
                + " (the configured network is " + configured + ")");
    }
}
