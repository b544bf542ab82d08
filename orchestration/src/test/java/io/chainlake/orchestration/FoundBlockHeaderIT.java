package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * found_blocks gets the block's header columns when the warehouse also holds the chain: a SOLVED share at the height,
 * nonce and nBits of mainnet block 277647 (bundled) is exported with that block's hash, parent, size, version and
 * coinbase value; a SOLVED share whose block is not in the warehouse keeps them NULL.
 */
class FoundBlockHeaderIT {

    static final String POOL_DATABASE = "chainlake_pool_it_found_block";
    static final int SOLVED = 1422486894; // btcpool StratumStatus::SOLVED
    /** 2013-12-30T12:00:00Z, the day of block 277647. */
    static final long T0 = 1388404800L;

    @TempDir
    Path dir;

    @Test
    void aSolvingShareOfABlockInTheChainGetsItsHeader() throws Exception {
        MysqlStore mysql = new MysqlStore(ChainlakeConfig.defaultsWith(Map.of()));
        assertThat(mysql.unavailableReason()).as("the local MySQL-compatible server on 127.0.0.1:3306").isEmpty();
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + POOL_DATABASE);
        }
        Path blockFile = TestWarehouse.mainnetFile("block-277647.blk");
        // the block file record by the Bitcoin format: magic, length, then the 80-byte header (little endian fields)
        ByteBuffer record = ByteBuffer.wrap(Files.readAllBytes(blockFile)).order(ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(record.getInt(4));
        int version = record.getInt(8);
        byte[] prev = new byte[32];
        record.get(12, prev);
        long bits = Integer.toUnsignedLong(record.getInt(8 + 72));
        long nonce = Integer.toUnsignedLong(record.getInt(8 + 76));
        String prevHash = HexFormat.of().formatHex(reversed(prev));

        Path log = Files.writeString(dir.resolve("shares.jsonl"), String.join("\n",
                line(new ShareEvent(1, 7001, 11, SOLVED, T0, "192.0.2.9", 900, 65536, bits, 277647, nonce, 1,
                        0, null, null)),
                line(new ShareEvent(1, 7002, 11, SOLVED, T0 + 60, "192.0.2.9", 901, 65536, bits, 277648, 5, 2,
                        0, null, null))) + "\n");
        String warehouse = dir.resolve("wh").toString();
        CliRun blocks = cli(warehouse, "load-blocks", blockFile.toString(), "--prevouts",
                TestWarehouse.mainnetFile("block-277647.prevouts.jsonl").toString());
        assertThat(blocks.exitCode()).as(blocks.err()).isZero();
        CliRun shares = cli(warehouse, "load-shares", log.toString());
        assertThat(shares.exitCode()).as(shares.err()).isZero();
        CliRun build = cli(warehouse, "build");
        assertThat(build.exitCode()).as(build.err()).isZero();

        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = mysql.connect(false); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT height, nonce, is_orphaned, hash, prev_hash, size, version, "
                        + "rewards FROM " + POOL_DATABASE + ".found_blocks ORDER BY height")) {
            while (rs.next()) {
                rows.add(java.util.Arrays.asList(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6), rs.getObject(7), rs.getObject(8)));
            }
        }
        assertThat(rows).containsExactly(
                // hash and coinbase value (25 BTC subsidy + 4,737,355 sat fees) as data/README.md verifies them
                java.util.Arrays.asList(277647, nonce, 0,
                        "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8", prevHash, (int) size,
                        version, 2_504_737_355L),
                java.util.Arrays.asList(277648, 5L, 0, null, null, null, null, null));
        assertThat(version).as("header version of a 2013 block").isEqualTo(2);
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static String line(ShareEvent share) {
        return new String(ShareEncoding.JSON.encode(share), StandardCharsets.UTF_8);
    }

    private static CliRun cli(String warehouse, String... args) {
        List<String> all = new ArrayList<>(List.of("--warehouse", warehouse, "--set",
                "mysql.pool-database=" + POOL_DATABASE, "--set", "parallelism=1"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
