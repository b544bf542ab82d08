package io.chainlake.ods.pool;

import static io.chainlake.ods.pool.BtcpoolShares.ACCEPTED;
import static io.chainlake.ods.pool.BtcpoolShares.MESSAGE;
import static io.chainlake.ods.pool.BtcpoolShares.SHARE;
import static io.chainlake.ods.pool.BtcpoolShares.concat;
import static io.chainlake.ods.pool.BtcpoolShares.gzip;
import static io.chainlake.ods.pool.BtcpoolShares.kafkaMessage;
import static io.chainlake.ods.pool.BtcpoolShares.read;
import static io.chainlake.ods.pool.BtcpoolShares.shareLogRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shares exactly as btcpool writes them ({@link BtcpoolShares}, built byte by byte, not with chainlake's writer): the
 * Kafka message of its stratum server and the share-log file of its sharelogger, plain and gzip-compressed, whole
 * and cut off.
 */
class BtcpoolShareFormatTest {

    @TempDir
    Path dir;

    @Test
    void decodesBtcpoolsKafkaMessageWithItsVersionPrefix() throws Exception {
        ShareEvent s = ShareEncoding.PROTOBUF.decode(kafkaMessage(MESSAGE));

        assertThat(s).isEqualTo(SHARE);
        assertThat(ShareStatus.name(s.status())).isEqualTo("LOW_DIFFICULTY");
        assertThat(ShareStatus.isRejected(s.status())).isTrue();
        assertThat(ShareEncoding.PROTOBUF.decode(MESSAGE)).as("the bare message, as in btcpool's files").isEqualTo(s);
        assertThat(ShareEncoding.PROTOBUF.decode(kafkaMessage(ACCEPTED)).status()).isEqualTo(ShareStatus.ACCEPT);
    }

    @Test
    void refusesBtcpoolsRetiredFixedSizeStructByName() {
        byte[] v2 = new byte[80]; // ShareBitcoinBytesV2: uint32 version 0x00010003 first
        v2[0] = 0x03;
        v2[2] = 0x01;

        assertThat(ShareEncoding.PROTOBUF.problem(v2)).isEqualTo("btcpool's retired ShareBitcoinBytesV2 struct"
                + " (80 bytes starting 03 00 01 00), not a BitcoinMsg protobuf message");
    }

    @Test
    void readsBtcpoolsShareLogFileFramedByUint32Lengths() throws Exception {
        byte[] first = shareLogRecord(MESSAGE);
        assertThat(Arrays.copyOf(first, 4)).as("78 bytes, little-endian").containsExactly(0x4e, 0, 0, 0);
        Path file = Files.write(dir.resolve("sharelogBTC-2023-11-14.bin"),
                concat(first, shareLogRecord(ACCEPTED), shareLogRecord(new byte[] {0x08})));

        List<ShareRecord> records = read(file);

        assertThat(ShareLogReader.detectFraming(file)).isEqualTo(ShareLogReader.Framing.UINT32_LE);
        assertThat(records).extracting(ShareRecord::position).containsExactly(1L, 2L, 3L);
        assertThat(records).allMatch(ShareRecord::isFramed);
        assertThat(ShareProtobufCodec.decode(records.get(0).payload())).isEqualTo(SHARE);
        assertThat(ShareProtobufCodec.decode(records.get(1).payload()).status()).isEqualTo(ShareStatus.ACCEPT);
        assertThat(ShareEncoding.PROTOBUF.problem(records.get(2).payload()))
                .as("a well-framed bad message is a reject of its own, the file reads on")
                .startsWith("not a BitcoinMsg protobuf message");
    }

    @Test
    void readsAGzipShareLogOfSeveralMembersAsBtcpoolsAppendingSharelogWritesIt() throws Exception {
        // zstr::ofstream in append mode: every reopening of the day's file starts a new gzip member
        Path file = Files.write(dir.resolve("sharelogBTC-2023-11-14.bin"),
                concat(gzip(shareLogRecord(MESSAGE)), gzip(concat(shareLogRecord(ACCEPTED), shareLogRecord(MESSAGE)))));

        List<ShareRecord> records = read(file);

        assertThat(records).extracting(ShareRecord::position).containsExactly(1L, 2L, 3L);
        assertThat(records).allMatch(r -> r.isFramed() && r.encoding() == ShareEncoding.PROTOBUF);
        assertThat(ShareProtobufCodec.decode(records.get(2).payload())).isEqualTo(SHARE);
    }

    @Test
    void aTruncatedLastRecordIsOneFramingProblemAfterEveryWholeOne() throws Exception {
        byte[] whole = concat(shareLogRecord(MESSAGE), shareLogRecord(ACCEPTED));
        Path cutInMessage = Files.write(dir.resolve("cut-message.bin"),
                concat(whole, Arrays.copyOf(shareLogRecord(MESSAGE), 14)));
        Path cutInPrefix = Files.write(dir.resolve("cut-prefix.bin"), concat(whole, new byte[] {0x4e, 0}));

        List<ShareRecord> message = read(cutInMessage);
        List<ShareRecord> prefix = read(cutInPrefix);

        assertThat(message).hasSize(3);
        assertThat(message.subList(0, 2)).allMatch(ShareRecord::isFramed);
        assertThat(message.get(2).position()).isEqualTo(3);
        assertThat(message.get(2).framingProblem()).isEqualTo("message length 78 past end of file (10 bytes left)");
        assertThat(prefix.get(2).position()).isEqualTo(3);
        assertThat(prefix.get(2).framingProblem())
                .isEqualTo("4-byte length prefix cut off by the end of the file (2 bytes left)");
    }

    @Test
    void aCutOffGzipStreamIsOneProblemAfterTheRecordsBeforeIt() throws Exception {
        byte[] compressed = gzip(concat(shareLogRecord(MESSAGE), shareLogRecord(ACCEPTED)));
        byte[] firstMember = gzip(shareLogRecord(MESSAGE));
        Path file = Files.write(dir.resolve("sharelogBTC-2023-11-14.bin"),
                concat(firstMember, Arrays.copyOf(compressed, compressed.length - 12)));

        List<ShareRecord> records = read(file);

        assertThat(records.get(0).isFramed()).isTrue();
        ShareRecord last = records.get(records.size() - 1);
        assertThat(last.isFramed()).isFalse();
        assertThat(last.position()).isEqualTo(records.size());
        assertThat(last.framingProblem()).startsWith("compressed data broken (")
                .endsWith("): nothing more can be read from this file");
    }

    @Test
    void aVarintDelimitedFileIsStillReadAsBefore() throws Exception {
        // simulate-pool --out wrote protobuf's writeDelimitedTo framing before it wrote btcpool's: 4e = 78 bytes
        Path file = Files.write(dir.resolve("shares.pb"), concat(new byte[] {0x4e}, MESSAGE));

        assertThat(ShareLogReader.detectFraming(file)).isEqualTo(ShareLogReader.Framing.VARINT);
        assertThat(ShareProtobufCodec.decode(read(file).get(0).payload())).isEqualTo(SHARE);
    }

    @Test
    void chainlakesWriterAndKafkaValueAreBtcpoolsBytes() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ShareLogWriter writer = new ShareLogWriter(file, ShareEncoding.PROTOBUF);
        writer.write(SHARE);
        writer.writePayload(ACCEPTED);

        assertThat(file.toByteArray()).isEqualTo(concat(shareLogRecord(MESSAGE), shareLogRecord(ACCEPTED)));
        assertThat(ShareEncoding.PROTOBUF.kafkaValue(ShareEncoding.PROTOBUF.encode(SHARE)))
                .isEqualTo(kafkaMessage(MESSAGE));
    }

    /**
     * btcpool counts only shares for which ShareBitcoin::isValid() holds (src/bitcoin/StratumBitcoin.h): its
     * share-log parser (ShareLogParserT::parseShare, src/ShareLogParser.inl) logs "invalid share" and drops the rest,
     * so do its sharelogger (ShareLogWriterBase::addShare, src/ShareLogger.inl). Each is a reject here, naming why.
     */
    @Test
    void refusesWhatBtcpoolsIsValidRefuses() {
        String rule = " 0: btcpool counts no share with jobid, userid, workerhashid, height, blkbits or sharediff 0"
                + " (ShareBitcoin::isValid)";
        // jobid (7), userid (3), workerhashid (2), height (10), blkbits (9), sharediff (8) set to 0, one at a time
        assertThat(ShareEncoding.PROTOBUF.problem(kafkaMessage(replace(MESSAGE, "388088d0bf97d186ad65", "3800"))))
                .isEqualTo("jobid is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "18a29c01", "1800"))).isEqualTo("userid is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "10a3f5e7ffa088c1e59a01", "1000")))
                .isEqualTo("workerhashid is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "50e8ee31", "5000"))).isEqualTo("height is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "4894f194b801", "4800")))
                .isEqualTo("blkbits is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "40808004", "4000")))
                .isEqualTo("sharediff is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(replace(MESSAGE, "50e8ee31", "5000"), "4894f194b801",
                "4800"))).as("every zero field named").isEqualTo("height, blkbits are" + rule);
        // version 0x00010003 (zigzag 131078 = 86 80 08), the ShareBitcoinBytesV2 era, as a protobuf field
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "08888008", "08868008")))
                .isEqualTo("version 65539 is not 65540 (0x00010004): btcpool counts only"
                        + " ShareBitcoin::CURRENT_VERSION shares (ShareBitcoin::isValid)");
        String json = new String(ShareJsonCodec.encode(SHARE), StandardCharsets.UTF_8);
        assertThat(ShareEncoding.JSON.problem(json.replace("\"userid\":10001", "\"userid\":0")
                .getBytes(StandardCharsets.UTF_8))).as("the same rule for JSON").isEqualTo("userid is" + rule);
        assertThat(ShareEncoding.PROTOBUF.problem(replace(MESSAGE, "202e", "2000")))
                .as("status 0 (REJECT_NO_REASON) is a share btcpool counts, as a reject").isNull();
    }

    private static byte[] replace(byte[] message, String hex, String by) {
        String before = HexFormat.of().formatHex(message);
        assertThat(before).contains(hex);
        return HexFormat.of().parseHex(before.replace(hex, by));
    }

    @Test
    void gzippedJsonLinesAreFoundThroughTheSuffix() throws Exception {
        String line = new String(ShareJsonCodec.encode(SHARE), StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("shares.jsonl.gz"), gzip((line + "\n" + line + "\n").getBytes(
                StandardCharsets.UTF_8)));

        assertThat(ShareLogReader.detect(file)).isEqualTo(ShareEncoding.JSON);
        assertThat(read(file)).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .containsExactly(line, line);
    }

    /**
     * btcpool has no JSON form of a share (ShareBitcoin::toString is a log line). JSON that follows its proto does
     * so through protobuf's JSON mapping, which writes the 64-bit fields as strings of decimal digits.
     */
    @Test
    void decodesProtobufJsonMappingWith64BitFieldsAsStrings() throws Exception {
        String json = "{\"version\":65540,\"workerhashid\":\"-5577006791947779410\",\"userid\":10001,\"status\":23,"
                + "\"timestamp\":\"1700000000\",\"ip\":\"10.0.0.7\",\"jobid\":\"7303178923460002816\","
                + "\"sharediff\":\"65536\",\"blkbits\":386218132,\"height\":817000,\"nonce\":3735928559,"
                + "\"sessionid\":16909060,\"versionmask\":536862720}";

        assertThat(ShareJsonCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(SHARE);
    }

    @Test
    void refusesJsonIntegersThatAreNotDecimalDigits() {
        // a bare hex string (ShareBitcoin::toString prints blkBits as %08x) cannot be told from decimal in general
        String json = new String(ShareJsonCodec.encode(SHARE), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ShareJsonCodec.decode(json.replace("386218132", "\"1d00ffff\"")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("field blkbits: expected an integer, got string \"1d00ffff\"");
        assertThatThrownBy(() -> ShareJsonCodec.decode(json.replace("\"sharediff\":65536", "\"sharediff\":\"65536.5\"")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("field sharediff: expected an integer, got string \"65536.5\"");
    }

    @Test
    void refusesATimestampInMilliseconds() {
        String json = new String(ShareJsonCodec.encode(SHARE), StandardCharsets.UTF_8)
                .replace("\"timestamp\":1700000000", "\"timestamp\":1700000000000");

        assertThatThrownBy(() -> ShareJsonCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("timestamp 1700000000000 is after the year 9999: not unix seconds (btcpool writes"
                        + " time(nullptr)); milliseconds?");
    }
}
