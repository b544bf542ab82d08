package io.chainlake.ods.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareLogReaderTest {

    @TempDir
    Path dir;

    private static final ShareEvent A = new ShareEvent(65540, 11, 1, ShareStatus.ACCEPT, 1700000000L, "1.2.3.4", 5,
            1024, 0x17053894L, 817000, 1, 2, 0, null, null);
    private static final ShareEvent B = A.withStatus(ShareStatus.LOW_DIFFICULTY);

    private static List<ShareRecord> read(Path file) throws Exception {
        List<ShareRecord> records = new ArrayList<>();
        ShareLogReader.read(file, ShareLogReader.detect(file), records::add);
        return records;
    }

    @Test
    void jsonLinesAreNumberedByLineSkippingEmptyOnesAndCrlf() throws Exception {
        String a = new String(ShareJsonCodec.encode(A), StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("shares.log"), a + "\r\n\n" + "not json\n" + a);

        List<ShareRecord> records = read(file);

        assertThat(records).extracting(ShareRecord::position).containsExactly(1L, 3L, 4L);
        assertThat(records).allMatch(r -> r.encoding() == ShareEncoding.JSON && r.isFramed());
        assertThat(new String(records.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo(a);
        assertThat(new String(records.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }

    @Test
    void delimitedProtobufRoundTripsThroughTheWriter() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShareLogWriter w = new ShareLogWriter(bytes, ShareEncoding.PROTOBUF);
        w.write(A);
        w.writePayload(new byte[300]); // a 300-byte message needs a two-byte varint length (ac 02)
        w.write(B);
        Path file = Files.write(dir.resolve("shares"), bytes.toByteArray());

        List<ShareRecord> records = read(file);

        assertThat(records).extracting(ShareRecord::position).containsExactly(1L, 2L, 3L);
        assertThat(ShareProtobufCodec.decode(records.get(0).payload())).isEqualTo(A);
        assertThat(records.get(1).payload()).hasSize(300);
        assertThat(ShareProtobufCodec.decode(records.get(2).payload())).isEqualTo(B);
        int firstLength = ShareProtobufCodec.encode(A).length;
        assertThat(bytes.toByteArray()[0]).isEqualTo((byte) firstLength);
        assertThat(Arrays.copyOfRange(bytes.toByteArray(), 1 + firstLength, 3 + firstLength))
                .containsExactly(0xac, 0x02);
    }

    @Test
    void aLengthPastTheEndIsOneFramingProblemAndTheLastRecord() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ShareLogWriter(bytes, ShareEncoding.PROTOBUF).write(A);
        byte[] whole = bytes.toByteArray();
        byte[] twice = Arrays.copyOf(whole, whole.length * 2 - 3);
        System.arraycopy(whole, 0, twice, whole.length, whole.length - 3);
        Path file = Files.write(dir.resolve("cut.pb"), twice);

        List<ShareRecord> records = read(file);

        assertThat(records).hasSize(2);
        assertThat(records.get(1).framingProblem()).isEqualTo("message length " + (whole.length - 1)
                + " past end of file (" + (whole.length - 4) + " bytes left)");
    }

    @Test
    void encodingFollowsTheFileNameThenTheFirstByte() throws Exception {
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("a.jsonl"), new byte[] {8}))).isEqualTo(ShareEncoding.JSON);
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("a.pb"), new byte[] {'{'}))).isEqualTo(ShareEncoding.PROTOBUF);
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("a"), new byte[] {'{'}))).isEqualTo(ShareEncoding.JSON);
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("b"), new byte[] {0x40}))).isEqualTo(ShareEncoding.PROTOBUF);
    }
}
