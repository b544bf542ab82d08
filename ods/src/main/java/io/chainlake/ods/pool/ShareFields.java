package io.chainlake.ods.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one share message as a decoder finds them, checked against btcpool's types when set and against
 * the rules of a usable share when {@link #toEvent()} builds it. Shared by both codecs (and so by load-shares, the
 * streaming reject job and DWD's decode) so they refuse the same messages with the same reasons.
 *
 * <p>A usable share is one btcpool counts: its share-log parser and its sharelogger drop every share for which
 * {@code ShareBitcoin::isValid()} is false (btcpool src/bitcoin/StratumBitcoin.h; called by
 * {@code ShareLogParserT::parseShare}, src/ShareLogParser.inl, and {@code ShareLogWriterBase::addShare},
 * src/ShareLogger.inl): a {@code version} other than {@code CURRENT_VERSION} 0x00010004, or a {@code jobid},
 * {@code userid}, {@code workerhashid}, {@code height}, {@code blkbits} or {@code sharediff} of 0.
 */
final class ShareFields {

    static final String VERSION = "version";
    static final String WORKER_HASH_ID = "workerhashid";
    static final String USER_ID = "userid";
    static final String STATUS = "status";
    static final String TIMESTAMP = "timestamp";
    static final String IP = "ip";
    static final String JOB_ID = "jobid";
    static final String SHARE_DIFF = "sharediff";
    static final String BLK_BITS = "blkbits";
    static final String HEIGHT = "height";
    static final String NONCE = "nonce";
    static final String SESSION_ID = "sessionid";
    static final String VERSION_MASK = "versionmask";
    static final String EXT_USER_ID = "extuserid";
    static final String BITS_REACHED = "bitsreached";

    private static final long UINT32_MAX = 0xffffffffL;
    /** 9999-12-31T23:59:59Z: a later share timestamp is not in seconds. */
    private static final long MAX_UNIX_SECONDS = 253402300799L;

    Integer version;
    Long workerHashId;
    Integer userId;
    Integer status;
    Long timestamp;
    String ip;
    Long jobId;
    Long shareDiff;
    Long blkBits;
    Long height;
    Long nonce;
    Long sessionId;
    Long versionMask;
    Integer extUserId;
    Long bitsReached;

    /** Sets an integer field by its btcpool name, refusing values outside the field's protobuf type. */
    void setInteger(String field, long value, boolean fitsInLong) throws ShareDecodeException {
        switch (field) {
            case VERSION -> version = int32(field, value);
            case WORKER_HASH_ID -> workerHashId = value;
            case USER_ID -> userId = int32(field, value);
            case STATUS -> status = int32(field, value);
            case TIMESTAMP -> timestamp = value;
            case JOB_ID -> jobId = uint64(field, value, fitsInLong);
            case SHARE_DIFF -> shareDiff = uint64(field, value, fitsInLong);
            case BLK_BITS -> blkBits = uint32(field, value);
            case HEIGHT -> height = uint32(field, value);
            case NONCE -> nonce = uint32(field, value);
            case SESSION_ID -> sessionId = uint32(field, value);
            case VERSION_MASK -> versionMask = uint32(field, value);
            case EXT_USER_ID -> extUserId = int32(field, value);
            case BITS_REACHED -> bitsReached = uint32(field, value);
            default -> throw new IllegalArgumentException("not an integer field: " + field);
        }
    }

    ShareEvent toEvent() throws ShareDecodeException {
        List<String> missing = new ArrayList<>();
        require(version, VERSION, missing);
        require(workerHashId, WORKER_HASH_ID, missing);
        require(userId, USER_ID, missing);
        require(status, STATUS, missing);
        require(timestamp, TIMESTAMP, missing);
        require(jobId, JOB_ID, missing);
        require(shareDiff, SHARE_DIFF, missing);
        require(blkBits, BLK_BITS, missing);
        require(height, HEIGHT, missing);
        require(nonce, NONCE, missing);
        if (!missing.isEmpty()) {
            throw new ShareDecodeException("missing required field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        if (version != ShareProtobufCodec.BTCPOOL_VERSION) {
            throw new ShareDecodeException("version " + version + " is not " + ShareProtobufCodec.BTCPOOL_VERSION
                    + " (0x00010004): btcpool counts only ShareBitcoin::CURRENT_VERSION shares"
                    + " (ShareBitcoin::isValid)");
        }
        List<String> zero = new ArrayList<>();
        zero(jobId, JOB_ID, zero);
        zero(userId, USER_ID, zero);
        zero(workerHashId, WORKER_HASH_ID, zero);
        zero(height, HEIGHT, zero);
        zero(blkBits, BLK_BITS, zero);
        zero(shareDiff, SHARE_DIFF, zero);
        if (!zero.isEmpty()) {
            throw new ShareDecodeException(String.join(", ", zero) + (zero.size() > 1 ? " are" : " is")
                    + " 0: btcpool counts no share with jobid, userid, workerhashid, height, blkbits or sharediff 0"
                    + " (ShareBitcoin::isValid)");
        }
        if (timestamp <= 0) {
            throw new ShareDecodeException("timestamp " + timestamp + " is not a unix time after 1970");
        }
        if (timestamp > MAX_UNIX_SECONDS) {
            throw new ShareDecodeException("timestamp " + timestamp + " is after the year 9999: not unix seconds"
                    + " (btcpool writes time(nullptr)); milliseconds?");
        }
        if (height > Integer.MAX_VALUE) {
            throw new ShareDecodeException("height " + height + " is beyond any block height");
        }
        return new ShareEvent(version, workerHashId, userId, status, timestamp, ip, jobId, shareDiff, blkBits,
                height, nonce, sessionId == null ? 0 : sessionId, versionMask == null ? 0 : versionMask, extUserId,
                bitsReached);
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void zero(Number value, String field, List<String> zero) {
        if (value.longValue() == 0) {
            zero.add(field);
        }
    }

    private static int int32(String field, long value) throws ShareDecodeException {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ShareDecodeException(field + " " + value + " is out of range for int32");
        }
        return (int) value;
    }

    private static long uint32(String field, long value) throws ShareDecodeException {
        if (value < 0 || value > UINT32_MAX) {
            throw new ShareDecodeException(field + " " + value + " is out of range for uint32");
        }
        return value;
    }

    private static long uint64(String field, long value, boolean fitsInLong) throws ShareDecodeException {
        if (!fitsInLong || value < 0) {
            throw new ShareDecodeException(field + " " + (fitsInLong ? String.valueOf(value)
                    : Long.toUnsignedString(value)) + " is negative or beyond " + Long.MAX_VALUE);
        }
        return value;
    }
}
