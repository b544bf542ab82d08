package io.chainlake.ods.pool;

import static io.chainlake.ods.pool.BtcpoolShares.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareLogReaderTest {

    @TempDir
    Path dir;

    private static final ShareEvent A = BtcpoolShares.ACCEPTED_SHARE;
    private static final ShareEvent B = BtcpoolShares.SHARE;

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
    void protobufRoundTripsThroughTheWriterInBtcpoolsUint32Framing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShareLogWriter w = new ShareLogWriter(bytes, ShareEncoding.PROTOBUF);
        w.write(A);
        w.writePayload(new byte[300]); // 300 = 0x012c: 2c 01 00 00
        w.write(B);
        Path file = Files.write(dir.resolve("shares"), bytes.toByteArray());

        List<ShareRecord> records = read(file);

        assertThat(ShareLogReader.detectFraming(file)).isEqualTo(ShareLogReader.Framing.UINT32_LE);
        assertThat(records).extracting(ShareRecord::position).containsExactly(1L, 2L, 3L);
        assertThat(ShareProtobufCodec.decode(records.get(0).payload())).isEqualTo(A);
        assertThat(records.get(1).payload()).hasSize(300);
        assertThat(ShareProtobufCodec.decode(records.get(2).payload())).isEqualTo(B);
        int firstLength = ShareProtobufCodec.encode(A).length;
        assertThat(Arrays.copyOf(bytes.toByteArray(), 4)).containsExactly(firstLength, 0, 0, 0);
        assertThat(Arrays.copyOfRange(bytes.toByteArray(), 4 + firstLength, 8 + firstLength))
                .containsExactly(0x2c, 0x01, 0, 0);
    }

    @Test
    void theOlderVarintFramingIsStillRead() throws Exception {
        byte[] a = ShareProtobufCodec.encode(A);
        byte[] b = ShareProtobufCodec.encode(B);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(a.length); // one-byte varint: every share message here is below 128 bytes
        bytes.write(a);
        bytes.write(new byte[] {(byte) 0xac, 0x02}); // varint 300
        bytes.write(new byte[300]);
        bytes.write(b.length);
        bytes.write(b);
        Path file = Files.write(dir.resolve("old.pb"), bytes.toByteArray());

        List<ShareRecord> records = read(file);

        assertThat(ShareLogReader.detectFraming(file)).isEqualTo(ShareLogReader.Framing.VARINT);
        assertThat(records).extracting(ShareRecord::position).containsExactly(1L, 2L, 3L);
        assertThat(ShareProtobufCodec.decode(records.get(0).payload())).isEqualTo(A);
        assertThat(records.get(1).payload()).hasSize(300);
        assertThat(ShareProtobufCodec.decode(records.get(2).payload())).isEqualTo(B);
    }

    @Test
    void aLengthPastTheEndIsOneFramingProblemAndTheLastRecord() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ShareLogWriter(bytes, ShareEncoding.PROTOBUF).write(A);
        byte[] whole = bytes.toByteArray();
        int length = whole.length - 4;
        byte[] twice = Arrays.copyOf(whole, whole.length * 2 - 3);
        System.arraycopy(whole, 0, twice, whole.length, whole.length - 3);
        Path file = Files.write(dir.resolve("cut.pb"), twice);

        List<ShareRecord> records = read(file);

        assertThat(records).hasSize(2);
        assertThat(records.get(1).framingProblem()).isEqualTo("message length " + length
                + " past end of file (" + (length - 3) + " bytes left)");
    }

    @Test
    void encodingFollowsTheFileNameThenTheFirstByte() throws Exception {
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("a.jsonl"), new byte[] {8}))).isEqualTo(ShareEncoding.JSON);
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("a.pb"), new byte[] {'{'}))).isEqualTo(ShareEncoding.PROTOBUF);
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("a"), new byte[] {'{'}))).isEqualTo(ShareEncoding.JSON);
        assertThat(ShareLogReader.detect(Files.write(dir.resolve("b"), new byte[] {0x40}))).isEqualTo(ShareEncoding.PROTOBUF);
    }
}
