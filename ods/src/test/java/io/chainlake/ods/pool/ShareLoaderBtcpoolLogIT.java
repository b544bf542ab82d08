package io.chainlake.ods.pool;

import static io.chainlake.ods.pool.BtcpoolShares.ACCEPTED;
import static io.chainlake.ods.pool.BtcpoolShares.MESSAGE;
import static io.chainlake.ods.pool.BtcpoolShares.concat;
import static io.chainlake.ods.pool.BtcpoolShares.gzip;
import static io.chainlake.ods.pool.BtcpoolShares.shareLogRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.load.ShareLoadResult;
import io.chainlake.ods.load.ShareLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two share-log files in btcpool's own format (see {@link BtcpoolShares}) through the loader, on real Paimon
 * tables: a gzip one with a bad message in the middle and its last record cut off, then a plain one. Every whole
 * record is kept as received, each bad one is one reject row and one problem line naming file and record, and the
 * second file loads in full after the first one's broken tail.
 */
class ShareLoaderBtcpoolLogIT {

    @TempDir
    Path dir;

    @Test
    void loadsBtcpoolShareLogsAndRejectsTheBadRecordsNamingFileAndRecord() throws Exception {
        byte[] bad = {0x08}; // field 1 with its value cut off
        Path gz = Files.write(dir.resolve("sharelogBTC-2023-11-14.bin"), gzip(concat(shareLogRecord(MESSAGE),
                shareLogRecord(bad), shareLogRecord(ACCEPTED), Arrays.copyOf(shareLogRecord(MESSAGE), 20))));
        Path plain = Files.write(dir.resolve("sharelogBTC-2023-11-15.bin"),
                concat(shareLogRecord(ACCEPTED), shareLogRecord(MESSAGE)));
        List<String> problems = new ArrayList<>();

        ShareLoadResult result;
        List<Row> raw;
        List<Row> rejects;
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir.resolve("wh")))) {
            result = new ShareLoader(session, problems::add).load(List.of(gz, plain), null);
            raw = session.query("SELECT source_name, source_offset, encoding, payload FROM ods.pool_share_raw"
                    + " ORDER BY source_name, source_offset");
            rejects = session.query("SELECT source_name, source_offset, reason FROM ods.pool_share_reject"
                    + " ORDER BY source_name, source_offset");
        }

        assertThat(result.messages()).as("well-framed records, the bad message included").isEqualTo(5);
        assertThat(result.added()).isEqualTo(5);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("sharelogBTC-2023-11-14.bin record 2: not a BitcoinMsg protobuf message");
        assertThat(problems.get(1)).isEqualTo(
                "sharelogBTC-2023-11-14.bin record 4: message length 78 past end of file (16 bytes left)");
        assertThat(rejects).extracting(r -> r.getField(0) + "@" + r.getField(1))
                .containsExactly(gz + "@2", gz + "@4");
        assertThat(rejects.get(1).getField(2)).isEqualTo("message length 78 past end of file (16 bytes left)");
        assertThat(raw).extracting(r -> r.getField(0) + "@" + r.getField(1) + " " + r.getField(2))
                .containsExactly(gz + "@1 protobuf", gz + "@2 protobuf", gz + "@3 protobuf", plain + "@1 protobuf",
                        plain + "@2 protobuf");
        assertThat((byte[]) raw.get(0).getField(3)).as("the message exactly, without its length").isEqualTo(MESSAGE);
        assertThat(ShareEncoding.PROTOBUF.decode((byte[]) raw.get(3).getField(3)).status())
                .isEqualTo(ShareStatus.ACCEPT);
    }
}
