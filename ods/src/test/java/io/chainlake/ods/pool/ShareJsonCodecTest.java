package io.chainlake.ods.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShareJsonCodecTest {

    /** btcpool's share-log field names, one JSON object (data/README.md: "Mining-pool share events"). */
    private static final String LINE = "{\"version\":65540,\"workerhashid\":-5577006791947779410,\"userid\":10001,"
            + "\"status\":1798084231,\"timestamp\":1700000000,\"ip\":\"10.0.0.7\",\"jobid\":7303178923460002816,"
            + "\"sharediff\":65536,\"blkbits\":386218132,\"height\":817000,\"nonce\":3735928559,"
            + "\"sessionid\":16909060,\"versionmask\":536862720,\"bitsreached\":437256191}";

    private static final ShareEvent SHARE = new ShareEvent(65540, -5577006791947779410L, 10001, ShareStatus.ACCEPT,
            1700000000L, "10.0.0.7", 7303178923460002816L, 65536, 0x17053894L, 817000, 0xdeadbeefL, 0x01020304L,
            0x1fffe000L, null, 0x1a0fffffL);

    private static ShareEvent decode(String json) throws ShareDecodeException {
        return ShareJsonCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesBtcpoolFieldNames() throws Exception {
        assertThat(decode(LINE)).isEqualTo(SHARE);
    }

    @Test
    void encodesTheSameLine() {
        assertThat(new String(ShareJsonCodec.encode(SHARE), StandardCharsets.UTF_8)).isEqualTo(LINE);
    }

    @Test
    void roundTripsOptionalFields() throws Exception {
        ShareEvent withExt = new ShareEvent(65540, 42, 7, ShareStatus.STALE_SHARE, 1, null, 1, 1, 1, 1, 0, 0, 0, -3,
                null);

        assertThat(decode(new String(ShareJsonCodec.encode(withExt), StandardCharsets.UTF_8))).isEqualTo(withExt);
    }

    @Test
    void absentSessionAndVersionMaskAreZeroAndUnknownFieldsAreIgnored() throws Exception {
        String line = LINE.replace(",\"sessionid\":16909060,\"versionmask\":536862720", ",\"agent\":\"x\"");

        ShareEvent s = decode(line);

        assertThat(s.sessionId()).isZero();
        assertThat(s.versionMask()).isZero();
    }

    @Test
    void readsDecimalTextAsProtobufsJsonMappingWritesIt() throws Exception {
        // protobuf's JSON mapping writes int64/uint64/sint64 as strings, and its parsers take any integer as text
        assertThat(decode(LINE.replace("\"sharediff\":65536", "\"sharediff\":\"65536\""))).isEqualTo(SHARE);
    }

    @Test
    void refusesTextThatIsNotAnInteger() {
        assertThatThrownBy(() -> decode(LINE.replace("\"sharediff\":65536", "\"sharediff\":\"65536 \"")))
                .isInstanceOf(ShareDecodeException.class)
                .hasMessage("field sharediff: expected an integer, got string \"65536 \"");
    }

    @Test
    void refusesAFraction() {
        assertThatThrownBy(() -> decode(LINE.replace("\"height\":817000", "\"height\":817000.5")))
                .hasMessage("field height: expected an integer, got number 817000.5");
    }

    @Test
    void refusesNegativeShareDifficulty() {
        assertThatThrownBy(() -> decode(LINE.replace("\"sharediff\":65536", "\"sharediff\":-1")))
                .hasMessage("sharediff -1 is negative or beyond 9223372036854775807");
    }

    @Test
    void refusesAnUint32OutOfRange() {
        assertThatThrownBy(() -> decode(LINE.replace("\"nonce\":3735928559", "\"nonce\":4294967296")))
                .hasMessage("nonce 4294967296 is out of range for uint32");
    }

    @Test
    void refusesTruncatedJson() {
        assertThatThrownBy(() -> decode(LINE.substring(0, 40)))
                .isInstanceOf(ShareDecodeException.class)
                .hasMessageStartingWith("not JSON: ");
    }

    @Test
    void refusesAnArray() {
        assertThatThrownBy(() -> decode("[1,2]")).hasMessage("not a JSON object");
    }

    @Test
    void refusesAMissingField() {
        assertThatThrownBy(() -> decode(LINE.replace("\"timestamp\":1700000000,", "")))
                .hasMessage("missing required field timestamp");
    }
}
