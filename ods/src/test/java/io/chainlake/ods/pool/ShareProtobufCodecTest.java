package io.chainlake.ods.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ShareProtobufCodecTest {

    /** {@link BtcpoolShares#ACCEPTED} with a bitsreached: every field chainlake reads, in btcpool's field order. */
    private static final byte[] BTCPOOL_SHARE = BtcpoolShares.concat(BtcpoolShares.ACCEPTED,
            HexFormat.of().parseHex("78ffffbfd001")); // 15 bitsreached uint32 0x1a0fffff

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
