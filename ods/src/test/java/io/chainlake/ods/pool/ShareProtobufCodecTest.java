package io.chainlake.ods.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ShareProtobufCodecTest {

    /**
     * A btcpool BitcoinMsg encoded by hand from btcpool's src/bitcoin/bitcoin.proto (proto2, package sharebase):
     * tag = field number << 3 | wire type 0 (varint) or 2 (length-delimited); sint fields are zigzag-encoded
     * (version 65540 -> 131080 = 88 80 08, userid 10001 -> 20002 = a2 9c 01), unsigned fields plain varints.
     */
    private static final byte[] BTCPOOL_SHARE = HexFormat.of().parseHex(
            "08888008" // 1 version sint32 65540 (ShareBitcoin::CURRENT_VERSION 0x00010004)
                    + "10a3f5e7ffa088c1e59a01" // 2 workerhashid sint64 -5577006791947779410
                    + "18a29c01" // 3 userid sint32 10001
                    + "208edae4b20d" // 4 status sint32 1798084231 (ACCEPT)
                    + "2880c49fd50c" // 5 timestamp sint64 1700000000 (2023-11-14T22:13:20Z)
                    + "320831302e302e302e37" // 6 ip string "10.0.0.7"
                    + "388088d0bf97d186ad65" // 7 jobid uint64 7303178923460002816
                    + "40808004" // 8 sharediff uint64 65536
                    + "4894f194b801" // 9 blkbits uint32 0x17053894
                    + "50e8ee31" // 10 height uint32 817000
                    + "58effdb6f50d" // 11 nonce uint32 0xdeadbeef
                    + "6084868808" // 12 sessionid uint32 0x01020304
                    + "6880c0ffff01" // 13 versionmask uint32 0x1fffe000
                    + "78ffffbfd001"); // 15 bitsreached uint32 0x1a0fffff

    private static final ShareEvent SHARE = new ShareEvent(65540, -5577006791947779410L, 10001, ShareStatus.ACCEPT,
            1700000000L, "10.0.0.7", 7303178923460002816L, 65536, 0x17053894L, 817000, 0xdeadbeefL, 0x01020304L,
            0x1fffe000L, null, 0x1a0fffffL);

    @Test
    void decodesAShareEncodedFromBtcpoolsFieldNumbers() throws Exception {
        assertThat(ShareProtobufCodec.decode(BTCPOOL_SHARE)).isEqualTo(SHARE);
    }

    @Test
    void encodesByteForByteAsBtcpoolDoesInFieldOrder() {
        assertThat(ShareProtobufCodec.encode(SHARE)).isEqualTo(BTCPOOL_SHARE);
    }

    @Test
    void roundTripsExtremesOfEveryType() throws Exception {
        ShareEvent extreme = new ShareEvent(65540, Long.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE,
                253402300799L, "", Long.MAX_VALUE, Long.MAX_VALUE, 0xffffffffL, Integer.MAX_VALUE, 0xffffffffL, 0,
                0xffffffffL, Integer.MIN_VALUE, 0L);

        assertThat(ShareProtobufCodec.decode(ShareProtobufCodec.encode(extreme))).isEqualTo(extreme);
    }

    @Test
    void skipsFieldsItDoesNotKnow() throws Exception {
        // field 99, varint 5 (a newer btcpool field): tag 99 << 3 = 792 = 98 06
        byte[] withUnknown = HexFormat.of().parseHex(HexFormat.of().formatHex(BTCPOOL_SHARE) + "980605");

        assertThat(ShareProtobufCodec.decode(withUnknown)).isEqualTo(SHARE);
    }

    @Test
    void refusesMissingRequiredFieldsNamingThem() {
        // only version (1) and userid (3)
        assertThatThrownBy(() -> ShareProtobufCodec.decode(HexFormat.of().parseHex("0888800818a29c01")))
                .isInstanceOf(ShareDecodeException.class)
                .hasMessage("missing required fields workerhashid, status, timestamp, jobid, sharediff, blkbits,"
                        + " height, nonce");
    }

    @Test
    void refusesAWrongWireType() {
        // field 8 (sharediff) as a length-delimited string: tag 8 << 3 | 2 = 0x42
        byte[] bad = HexFormat.of().parseHex("08888008" + "4203616263");

        assertThatThrownBy(() -> ShareProtobufCodec.decode(bad))
                .hasMessage("field 8 (sharediff): wire type 2, expected 0");
    }

    @Test
    void refusesATruncatedMessage() {
        byte[] cut = java.util.Arrays.copyOf(BTCPOOL_SHARE, 30);

        assertThatThrownBy(() -> ShareProtobufCodec.decode(cut))
                .isInstanceOf(ShareDecodeException.class)
                .hasMessageStartingWith("not a BitcoinMsg protobuf message: ");
    }

    @Test
    void refusesZeroShareDifficulty() {
        // version 65540, workerhashid 1, userid 1, status 23, timestamp 1700000000, jobid 1, sharediff 0, blkbits 1,
        // height 1, nonce 1
        byte[] zeroDiff = HexFormat.of().parseHex("0888800810021802202e2880c49fd50c38014000480150015801");

        assertThatThrownBy(() -> ShareProtobufCodec.decode(zeroDiff)).hasMessage("sharediff is 0: btcpool counts no"
                + " share with jobid, userid, workerhashid, height, blkbits or sharediff 0 (ShareBitcoin::isValid)");
    }

    @Test
    void refusesAnotherVersionAsBtcpoolsIsValidDoes() {
        // the same message with version 1 (zigzag 02)
        byte[] version1 = HexFormat.of().parseHex(
                HexFormat.of().formatHex(BTCPOOL_SHARE).replaceFirst("^08888008", "0802"));

        assertThatThrownBy(() -> ShareProtobufCodec.decode(version1)).hasMessage("version 1 is not 65540"
                + " (0x00010004): btcpool counts only ShareBitcoin::CURRENT_VERSION shares (ShareBitcoin::isValid)");
    }

    @Test
    void refusesAShareDifficultyBeyondBigint() {
        // sharediff = 2^63 as uint64: ten-byte varint 80 80 80 80 80 80 80 80 80 01
        byte[] huge = HexFormat.of().parseHex(HexFormat.of().formatHex(BTCPOOL_SHARE)
                .replace("40808004", "4080808080808080808001"));

        assertThatThrownBy(() -> ShareProtobufCodec.decode(huge))
                .hasMessage("sharediff 9223372036854775808 is negative or beyond 9223372036854775807");
    }
}
