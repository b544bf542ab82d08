package io.chainlake.ods.pool;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One share as btcpool (github.com/btccom/btcpool, the last published tree) writes it, built byte by byte here, not
 * with chainlake's writer, and the framings btcpool puts around it: the fixtures of the share codec and reader tests.
 */
final class BtcpoolShares {

    /**
     * A BitcoinMsg (btcpool src/bitcoin/bitcoin.proto, proto2) as btcpool's StratumMinerBitcoin::handleRequest_Submit
     * fills it: tag = field number << 3 | wire type 0 (varint) or 2 (length-delimited); sint fields are
     * zigzag-encoded, unsigned fields plain varints. Version ShareBitcoin::CURRENT_VERSION 0x00010004
     * (src/bitcoin/StratumBitcoin.h; sint32 65540, zigzag 131080 = 88 80 08), status LOW_DIFFICULTY 23 (StratumStatus;
     * zigzag 46 = 2e), timestamp time(nullptr) in seconds, ip the text of btcpool's IpAddress::toString, no
     * extuserid, no bitsreached (set only when above 0).
     */
    static final byte[] MESSAGE = HexFormat.of().parseHex(
            "08888008" // 1 version sint32 65540
                    + "10a3f5e7ffa088c1e59a01" // 2 workerhashid sint64 -5577006791947779410
                    + "18a29c01" // 3 userid sint32 10001 (zigzag 20002 = a2 9c 01)
                    + "202e" // 4 status sint32 23
                    + "2880c49fd50c" // 5 timestamp sint64 1700000000 (2023-11-14T22:13:20Z)
                    + "320831302e302e302e37" // 6 ip string "10.0.0.7"
                    + "388088d0bf97d186ad65" // 7 jobid uint64 7303178923460002816
                    + "40808004" // 8 sharediff uint64 65536
                    + "4894f194b801" // 9 blkbits uint32 0x17053894
                    + "50e8ee31" // 10 height uint32 817000
                    + "58effdb6f50d" // 11 nonce uint32 0xdeadbeef
                    + "6084868808" // 12 sessionid uint32 0x01020304
                    + "6880c0ffff01"); // 13 versionmask uint32 0x1fffe000

    static final ShareEvent SHARE = new ShareEvent(65540, -5577006791947779410L, 10001, 23, 1700000000L,
            "10.0.0.7", 7303178923460002816L, 65536, 0x17053894L, 817000, 0xdeadbeefL, 0x01020304L, 0x1fffe000L,
            null, null);

    /** The same share accepted: status ACCEPT 1798084231, zigzag 3596168462 = 8e da e4 b2 0d. */
    static final byte[] ACCEPTED = HexFormat.of().parseHex(HexFormat.of().formatHex(MESSAGE)
            .replace("202e2880", "208edae4b20d2880"));

    static final ShareEvent ACCEPTED_SHARE = SHARE.withStatus(ShareStatus.ACCEPT);

    private BtcpoolShares() {}

    /** btcpool's Kafka message: ShareBitcoin::SerializeToStringWithVersion puts the uint32 version first. */
    static byte[] kafkaMessage(byte[] message) {
        return concat(HexFormat.of().parseHex("04000100"), message);
    }

    /** One record of btcpool's share-log file: ShareLogWriterBase::flushToDisk writes the uint32 size, then it. */
    static byte[] shareLogRecord(byte[] message) {
        return concat(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length).array(), message);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    /** Every record of a share-log file, its encoding detected as the loader does. */
    static List<ShareRecord> read(Path file) throws Exception {
        List<ShareRecord> records = new ArrayList<>();
        ShareLogReader.read(file, ShareLogReader.detect(file), records::add);
        return records;
    }
}
