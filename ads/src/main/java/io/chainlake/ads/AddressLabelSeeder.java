package io.chainlake.ads;

import io.chainlake.catalog.MysqlStore;
import io.chainlake.dws.pools.PayoutAddress;
import io.chainlake.dws.pools.PoolRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Seeds MySQL {@code address_label} with the coinbase payout addresses of the bundled mining-pool registry
 * (label = pool name, category {@code mining_pool}). Upserts, so reruns change nothing; labels of other
 * categories that people maintain are left alone.
 */
public final class AddressLabelSeeder {

    public static final String SOURCE = "bitcoin-data/mining-pools@330f61d";

    private final MysqlStore mysql;

    public AddressLabelSeeder(MysqlStore mysql) {
        this.mysql = mysql;
    }

    /** Returns the number of registry addresses written. */
    public int seedPoolAddresses(PoolRegistry registry) throws SQLException {
        mysql.ensureTable("mysql/address_label.sql");
        String upsert = "INSERT INTO address_label (address, label, category, source) VALUES (?, ?, 'mining_pool', ?) "
                + "ON DUPLICATE KEY UPDATE label = VALUES(label), category = VALUES(category), source = VALUES(source)";
        int n = 0;
        try (Connection c = mysql.connect(true); PreparedStatement ps = c.prepareStatement(upsert)) {
            for (PayoutAddress a : registry.payoutAddresses()) {
                ps.setString(1, a.address());
                ps.setString(2, a.poolName());
                ps.setString(3, SOURCE);
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
        }
        return n;
    }
}
