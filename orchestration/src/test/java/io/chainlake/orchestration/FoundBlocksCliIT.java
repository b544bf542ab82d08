package io.chainlake.orchestration;

import static io.chainlake.orchestration.ShareFixtures.BLOCK_100000_BITS;
import static io.chainlake.orchestration.ShareFixtures.SOLVED;
import static io.chainlake.orchestration.ShareFixtures.T0;
import static io.chainlake.orchestration.ShareFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.ods.pool.ShareEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * btcpool's found_blocks gets the block header from the chain tables: a pool that mined real block 277647 (its
 * solving share carries the block's height, nonce and bits, as btcpool's share log does) and a solving share of a
 * block the warehouse does not hold, loaded beside block 277647, built, and read back from MySQL.
 */
class FoundBlocksCliIT {

    static final String POOL_DATABASE = "chainlake_pool_it_found_blocks";
    /** data/README.md: block 277647's hash, and its coinbase pays exactly subsidy (25 BTC) + fees. */
    static final String BLOCK_277647 = "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8";
    static final long COINBASE_277647_SAT = 2_504_737_355L;

    @TempDir
    Path dir;

    @Test
    void aFoundBlockTheChainTablesHoldGetsItsHeader() throws Exception {
        MysqlStore mysql = LocalMysql.withoutDatabases(new MysqlStore(ChainlakeConfig.defaultsWith(Map.of(
                ChainlakeConfig.MYSQL_DATABASE, POOL_DATABASE))), POOL_DATABASE);
        Path data = TestWarehouse.mainnetData();
        Path blockFile = data.resolve("block-277647.blk");
        // the share's inputs, read from the block file's header (magic, length, then the 80-byte header)
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(blockFile)).order(ByteOrder.LITTLE_ENDIAN);
        long blockSize = Integer.toUnsignedLong(file.getInt(4));
        long bits = Integer.toUnsignedLong(file.getInt(8 + 72));
        long nonce = Integer.toUnsignedLong(file.getInt(8 + 76));
        Path shares = Files.writeString(dir.resolve("shares.jsonl"), String.join("\n",
                line(solved(7, 277_647, bits, nonce)),
                line(solved(8, 100_000, BLOCK_100000_BITS, 12345))) + "\n");

        String warehouse = dir.resolve("wh").toString();
        CliRun.onPoolWarehouse(warehouse, POOL_DATABASE, "load-blocks", blockFile.toString(), "--prevouts",
                data.resolve("block-277647.prevouts.jsonl").toString()).assertOk();
        CliRun.onPoolWarehouse(warehouse, POOL_DATABASE, "load-shares", shares.toString()).assertOk();
        CliRun.onPoolWarehouse(warehouse, POOL_DATABASE, "build").assertOk();

        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = mysql.connect(true); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT height, hash, rewards, size, prev_hash, version, is_orphaned"
                        + " FROM found_blocks ORDER BY height")) {
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getInt(1), rs.getString(2), rs.getObject(3), rs.getObject(4),
                        rs.getString(5), rs.getObject(6), rs.getInt(7)));
            }
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(100_000, null, null, null, null, null, 0);
        assertThat(rows.get(1).subList(0, 4)).containsExactly(277_647, BLOCK_277647, COINBASE_277647_SAT,
                (int) blockSize);
        // the parent and version as dwd.btc_block has them (themselves checked against the header by the quality
        // checks): here, that the export carries them
        CliRun header = CliRun.onPoolWarehouse(warehouse, POOL_DATABASE, "query",
                "SELECT prev_block_hash, version FROM dwd.btc_block WHERE block_hash = '" + BLOCK_277647 + "'")
                .assertOk();
        assertThat(header.lines().get(1)).isEqualTo(rows.get(1).get(4) + "," + rows.get(1).get(5));
        assertThat(rows.get(1).get(6)).isEqualTo(0);
    }

    private static ShareEvent solved(long worker, long height, long bits, long nonce) {
        return new ShareEvent(65540, worker, 10001, SOLVED, T0, "192.0.2.7", (T0 << 32) | worker, 65536, bits,
                height, nonce, 77, 0x1fffe000L, null, null);
    }
}
