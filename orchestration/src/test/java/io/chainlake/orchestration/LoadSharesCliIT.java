package io.chainlake.orchestration;

import static io.chainlake.orchestration.ShareFixtures.ACCEPT;
import static io.chainlake.orchestration.ShareFixtures.ACCEPT_STALE;
import static io.chainlake.orchestration.ShareFixtures.LOW_DIFFICULTY;
import static io.chainlake.orchestration.ShareFixtures.SOLVED;
import static io.chainlake.orchestration.ShareFixtures.T0;
import static io.chainlake.orchestration.ShareFixtures.line;
import static io.chainlake.orchestration.ShareFixtures.share;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareEvent;
import io.chainlake.ods.pool.ShareLogWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load-shares} then {@code build} as a user runs them, on a share log written line by line here: good
 * shares of every class, an exact redelivery (also in a protobuf file), a late share, malformed lines, shares
 * btcpool's ShareBitcoin::isValid refuses, a worker and a user the MySQL dimensions do not know. The tests run in
 * order on one warehouse.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadSharesCliIT {

    static final String POOL_DATABASE = "chainlake_pool_it_load_shares";
    static final long KNOWN_WORKER = 1001;
    static final long UNKNOWN_WORKER = 1002;
    static final long WORKER_OF_UNKNOWN_USER = 1003;
    /** The reason after the zero fields' names: btcpool's ShareBitcoin::isValid (src/bitcoin/StratumBitcoin.h). */
    static final String IS_VALID = ": btcpool counts no share with jobid, userid, workerhashid, height, blkbits or"
            + " sharediff 0 (ShareBitcoin::isValid)";

    @TempDir
    static Path dir;

    static String warehouse;
    static Path json;
    static Path protobuf;

    static final ShareEvent A = share(KNOWN_WORKER, 10001, ACCEPT, T0, 1);
    static final ShareEvent B = share(UNKNOWN_WORKER, 10001, LOW_DIFFICULTY, T0 + 10, 2);
    static final ShareEvent C = share(KNOWN_WORKER, 10001, ACCEPT_STALE, T0 + 20, 3);
    static final ShareEvent LATE_SOLVED = share(WORKER_OF_UNKNOWN_USER, 10099, SOLVED, T0 - 50, 4);
    static final ShareEvent NEXT_DAY = share(KNOWN_WORKER, 10001, ACCEPT, T0 + 86400, 5);

    @BeforeAll
    static void shareLogAndDimensions() throws Exception {
        warehouse = dir.resolve("wh").toString();
        json = Files.writeString(dir.resolve("shares.jsonl"), String.join("\n",
                line(A),
                line(B),
                line(C),
                line(A).replace("\"sharediff\":65536", "\"sharediff\":\"65536.5\""),
                line(A),
                line(LATE_SOLVED),
                line(B).substring(0, 50),
                line(NEXT_DAY),
                line(C).replace("\"sharediff\":65536", "\"sharediff\":0"),
                line(B).replace("\"version\":65540", "\"version\":1"),
                line(C).replace("\"userid\":10001", "\"userid\":0").replace("\"height\":100000", "\"height\":0"))
                + "\n");
        ByteArrayOutputStream pb = new ByteArrayOutputStream();
        ShareLogWriter w = new ShareLogWriter(pb, ShareEncoding.PROTOBUF);
        w.write(A); // the same share redelivered through another log
        w.write(C);
        protobuf = Files.write(dir.resolve("shares.pb"), pb.toByteArray());

        MysqlStore mysql = LocalMysql.withoutDatabases(new MysqlStore(config()), POOL_DATABASE);
        mysql.ensureTable("mysql/pool_user.sql");
        mysql.ensureTable("mysql/pool_worker.sql");
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + POOL_DATABASE + ".users (puid, user_name) VALUES (10001, 'alice')");
            s.execute("INSERT INTO " + POOL_DATABASE + ".mining_workers (worker_id, puid, group_id, worker_name) "
                    + "VALUES (" + KNOWN_WORKER + ", 10001, 0, 'rig-a')");
        }
    }

    static ChainlakeConfig config() {
        return ChainlakeConfig.defaultsWith(Map.of(ChainlakeConfig.MYSQL_POOL_DATABASE, POOL_DATABASE));
    }

    static CliRun cli(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "--warehouse";
        all[1] = warehouse;
        all[2] = "--set";
        all[3] = "mysql.pool-database=" + POOL_DATABASE;
        all[4] = "--set";
        all[5] = "parallelism=2";
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.of(all);
    }

    static List<String> query(String sql) {
        CliRun q = cli("query", sql);
        assertThat(q.exitCode()).as(q.err()).isZero();
        return q.lines();
    }

    @Test
    @Order(1)
    void missingFileAndEmptyFileAreOneErrorEach() throws Exception {
        Path missing = dir.resolve("no-such-shares.jsonl");
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));

        CliRun m = cli("load-shares", missing.toString());
        CliRun e = cli("load-shares", empty.toString());

        assertThat(m.exitCode()).isNotZero();
        assertThat(m.err().lines().filter(l -> l.startsWith("error:")))
                .containsExactly("error: " + missing + ": no such share-log file, or it is not readable");
        assertThat(e.exitCode()).isNotZero();
        assertThat(e.err().lines().filter(l -> l.startsWith("error:")))
                .containsExactly("error: no share message found in [" + empty + "]");
    }

    @Test
    @Order(2)
    void loadKeepsEveryMessageAndRejectsTheBadOnesNamingFileAndLine() {
        CliRun r = cli("load-shares", json.toString(), protobuf.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("loaded 13 new share messages (13 read, 0 already loaded, 5 rejected) as ");
        assertThat(r.err().lines().filter(l -> l.startsWith("reject:"))).containsExactly(
                "reject: shares.jsonl line 4: field sharediff: expected an integer, got string \"65536.5\"",
                "reject: shares.jsonl line 7: " + rejectReasonOfTruncatedLine(),
                "reject: shares.jsonl line 9: sharediff is 0" + IS_VALID,
                "reject: shares.jsonl line 10: version 1 is not 65540 (0x00010004): btcpool counts only"
                        + " ShareBitcoin::CURRENT_VERSION shares (ShareBitcoin::isValid)",
                "reject: shares.jsonl line 11: userid, height are 0" + IS_VALID);
        assertThat(query("SELECT source_offset, reason FROM ods.pool_share_reject ORDER BY source_offset"))
                .containsExactly("source_offset,reason",
                        "4,\"field sharediff: expected an integer, got string \"\"65536.5\"\"\"",
                        "7," + csv(rejectReasonOfTruncatedLine()),
                        "9," + csv("sharediff is 0" + IS_VALID),
                        "10," + csv("version 1 is not 65540 (0x00010004): btcpool counts only"
                                + " ShareBitcoin::CURRENT_VERSION shares (ShareBitcoin::isValid)"),
                        "11," + csv("userid, height are 0" + IS_VALID));
        assertThat(query("SELECT encoding, COUNT(*) AS n FROM ods.pool_share_raw GROUP BY encoding ORDER BY encoding"))
                .containsExactly("encoding,n", "json,11", "protobuf,2");
    }

    @Test
    @Order(3)
    void reloadingAddsNothing() {
        CliRun r = cli("load-shares", json.toString(), protobuf.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("loaded 0 new share messages (13 read, 13 already loaded, 5 rejected) as ");
        assertThat(query("SELECT COUNT(*) AS n FROM ods.pool_share_raw")).containsExactly("n", "13");
        assertThat(query("SELECT COUNT(*) AS n FROM ods.pool_share_reject")).containsExactly("n", "5");
    }

    @Test
    @Order(4)
    void buildCountsEachDistinctShareOnceAndKeepsUnknownWorkers() {
        CliRun build = cli("build");

        assertThat(build.exitCode()).as(build.err()).isZero();
        // 13 messages - 5 rejected - A twice more (line 5, protobuf) - C once more (protobuf) = 5 shares
        assertThat(query("SELECT worker_id, nonce, status_name, is_accepted, is_stale, is_rejected, reject_reason,"
                + " user_name, worker_name, dt FROM dwd.pool_share ORDER BY nonce")).containsExactly(
                "worker_id,nonce,status_name,is_accepted,is_stale,is_rejected,reject_reason,user_name,worker_name,dt",
                "1001,1,ACCEPT,true,false,false,,alice,rig-a,2024-03-01",
                "1002,2,LOW_DIFFICULTY,false,false,true,LOW_DIFFICULTY,alice,,2024-03-01",
                "1001,3,ACCEPT_STALE,false,true,false,ACCEPT_STALE,alice,rig-a,2024-03-01",
                "1003,4,SOLVED,true,false,false,,,,2024-03-01",
                "1001,5,ACCEPT,true,false,false,,alice,rig-a,2024-03-02");
        assertThat(query("SELECT share_time, share_diff, ROUND(network_diff, 4) AS d, height FROM dwd.pool_share"
                + " WHERE nonce = 4")).containsExactly("share_time,share_diff,d,height",
                "2024-03-01 11:59:10.000,65536,14484.1624,100000");
        assertThat(query("SELECT found_time, user_id, worker_id, height, status_name FROM dwd.pool_block_found"))
                .containsExactly("found_time,user_id,worker_id,height,status_name",
                        "2024-03-01 11:59:10.000,10099,1003,100000,SOLVED");
    }

    @Test
    @Order(5)
    void withoutMysqlTheBuildKeepsEveryShareWithNullNames() {
        CliRun build = cli("--set", "mysql.url=jdbc:mysql://127.0.0.1:1", "build");

        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.err()).contains("pool_user is empty in this run", "pool_worker is empty in this run");
        assertThat(query("SELECT COUNT(*) AS n, COUNT(user_name) AS named_users, COUNT(worker_name) AS named_workers"
                + " FROM dwd.pool_share")).containsExactly("n,named_users,named_workers", "5,0,0");
    }

    private static String rejectReasonOfTruncatedLine() {
        try {
            ShareEncoding.JSON.decode(line(B).substring(0, 50).getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("a cut JSON line decoded");
        } catch (io.chainlake.ods.pool.ShareDecodeException e) {
            assertThat(e.getMessage()).startsWith("not JSON: ");
            return e.getMessage();
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
