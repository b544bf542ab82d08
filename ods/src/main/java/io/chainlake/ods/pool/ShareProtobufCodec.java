package io.chainlake.ods.pool;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * btcpool's share message {@code sharebase.BitcoinMsg} (proto2; see {@code src/main/proto/btcpool_share.proto}),
 * read and written field by field with protobuf-java's coded streams: field numbers and types are btcpool's, so a
 * share btcpool logged decodes here and one written here decodes in btcpool. Unknown fields are skipped; a known
 * field with the wrong wire type, a truncated message, or a message breaking {@link ShareFields}' rules is refused.
 *
 * <p>A message as btcpool's stratum server puts it on Kafka is preceded by its version as a 4-byte little-endian
 * uint32, {@code 04 00 01 00} for {@link #BTCPOOL_VERSION} (ShareBitcoin::SerializeToStringWithVersion; the
 * sharelogger and statshttpd read it back with UnserializeWithVersion, btcpool src/bitcoin/StratumBitcoin.h).
 * {@link #decode} accepts the message with or without that prefix: a bare message cannot start with it, since its
 * first byte would be a tag of field 0, which protobuf does not have. btcpool's older fixed-size share structs
 * (ShareBitcoinBytesV1, 48 bytes with no marker; ShareBitcoinBytesV2, 80 bytes after {@code 03 00 01 00}) are not
 * read: V2 is refused by name, V1 as a message that is not a BitcoinMsg.
 */
public final class ShareProtobufCodec {

    /** The {@code version} btcpool writes in every Bitcoin share (ShareBitcoin::CURRENT_VERSION, 0x00010004). */
    public static final int BTCPOOL_VERSION = 0x00010004;

    /** btcpool's ShareBitcoin::BYTES_VERSION, the marker of its retired 80-byte ShareBitcoinBytesV2 struct. */
    static final int BTCPOOL_BYTES_VERSION = 0x00010003;

    private ShareProtobufCodec() {}

    public static byte[] encode(ShareEvent s) {
        try {
            byte[] out = new byte[size(s)];
            CodedOutputStream o = CodedOutputStream.newInstance(out);
            o.writeSInt32(1, s.version());
            o.writeSInt64(2, s.workerHashId());
            o.writeSInt32(3, s.userId());
            o.writeSInt32(4, s.status());
            o.writeSInt64(5, s.timestamp());
            if (s.ip() != null) {
                o.writeString(6, s.ip());
            }
            o.writeUInt64(7, s.jobId());
            o.writeUInt64(8, s.shareDiff());
            o.writeUInt32(9, (int) s.blkBits());
            o.writeUInt32(10, (int) s.height());
            o.writeUInt32(11, (int) s.nonce());
            o.writeUInt32(12, (int) s.sessionId());
            o.writeUInt32(13, (int) s.versionMask());
            if (s.extUserId() != null) {
                o.writeSInt32(14, s.extUserId());
            }
            if (s.bitsReached() != null) {
                o.writeUInt32(15, (int) (long) s.bitsReached());
            }
            o.checkNoSpaceLeft();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int size(ShareEvent s) {
        int n = CodedOutputStream.computeSInt32Size(1, s.version())
                + CodedOutputStream.computeSInt64Size(2, s.workerHashId())
                + CodedOutputStream.computeSInt32Size(3, s.userId())
                + CodedOutputStream.computeSInt32Size(4, s.status())
                + CodedOutputStream.computeSInt64Size(5, s.timestamp())
                + CodedOutputStream.computeUInt64Size(7, s.jobId())
                + CodedOutputStream.computeUInt64Size(8, s.shareDiff())
                + CodedOutputStream.computeUInt32Size(9, (int) s.blkBits())
                + CodedOutputStream.computeUInt32Size(10, (int) s.height())
                + CodedOutputStream.computeUInt32Size(11, (int) s.nonce())
                + CodedOutputStream.computeUInt32Size(12, (int) s.sessionId())
                + CodedOutputStream.computeUInt32Size(13, (int) s.versionMask());
        if (s.ip() != null) {
            n += CodedOutputStream.computeStringSize(6, s.ip());
        }
        if (s.extUserId() != null) {
            n += CodedOutputStream.computeSInt32Size(14, s.extUserId());
        }
        if (s.bitsReached() != null) {
            n += CodedOutputStream.computeUInt32Size(15, (int) (long) s.bitsReached());
        }
        return n;
    }

    /**
     * btcpool's Kafka form of a message: {@link #BTCPOOL_VERSION} as a 4-byte little-endian uint32, then the message
     * (ShareBitcoin::SerializeToStringWithVersion, as StratumMinerBitcoin::handleRequest_Submit sends every share).
     * The message goes in as given, so a malformed one stays malformed.
     */
    public static byte[] withVersionPrefix(byte[] message) {
        byte[] out = new byte[4 + message.length];
        out[0] = (byte) BTCPOOL_VERSION;
        out[1] = (byte) (BTCPOOL_VERSION >>> 8);
        out[2] = (byte) (BTCPOOL_VERSION >>> 16);
        out[3] = (byte) (BTCPOOL_VERSION >>> 24);
        System.arraycopy(message, 0, out, 4, message.length);
        return out;
    }

    public static ShareEvent decode(byte[] payload) throws ShareDecodeException {
        int start = 0;
        int prefix = payload.length >= 4 ? littleEndianInt(payload) : 0;
        if (prefix == BTCPOOL_VERSION) {
            start = 4; // btcpool's Kafka form: the version, then the message
        } else if (prefix == BTCPOOL_BYTES_VERSION) {
            throw new ShareDecodeException("btcpool's retired ShareBitcoinBytesV2 struct (" + payload.length
                    + " bytes starting 03 00 01 00), not a BitcoinMsg protobuf message");
        }
        CodedInputStream in = CodedInputStream.newInstance(payload, start, payload.length - start);
        ShareFields f = new ShareFields();
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                int wireType = WireFormat.getTagWireType(tag);
                String name = fieldName(field);
                if (name == null) {
                    in.skipField(tag);
                    continue;
                }
                int expected = name.equals(ShareFields.IP) ? WireFormat.WIRETYPE_LENGTH_DELIMITED
                        : WireFormat.WIRETYPE_VARINT;
                if (wireType != expected) {
                    throw new ShareDecodeException("field " + field + " (" + name + "): wire type " + wireType
                            + ", expected " + expected);
                }
                switch (field) {
                    case 1, 3, 4, 14 -> f.setInteger(name, in.readSInt32(), true);
                    case 2, 5 -> f.setInteger(name, in.readSInt64(), true);
                    case 6 -> f.ip = in.readStringRequireUtf8();
                    case 7, 8 -> {
                        long v = in.readUInt64();
                        f.setInteger(name, v, v >= 0);
                    }
                    default -> f.setInteger(name, Integer.toUnsignedLong(in.readUInt32()), true);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new ShareDecodeException("not a BitcoinMsg protobuf message: " + e.getMessage());
        } catch (IOException e) {
            throw new ShareDecodeException("not a BitcoinMsg protobuf message: " + e);
        }
        return f.toEvent();
    }

    private static int littleEndianInt(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private static String fieldName(int field) {
        return switch (field) {
            case 1 -> ShareFields.VERSION;
            case 2 -> ShareFields.WORKER_HASH_ID;
            case 3 -> ShareFields.USER_ID;
            case 4 -> ShareFields.STATUS;
            case 5 -> ShareFields.TIMESTAMP;
            case 6 -> ShareFields.IP;
            case 7 -> ShareFields.JOB_ID;
            case 8 -> ShareFields.SHARE_DIFF;
            case 9 -> ShareFields.BLK_BITS;
            case 10 -> ShareFields.HEIGHT;
            case 11 -> ShareFields.NONCE;
            case 12 -> ShareFields.SESSION_ID;
            case 13 -> ShareFields.VERSION_MASK;
            case 14 -> ShareFields.EXT_USER_ID;
            case 15 -> ShareFields.BITS_REACHED;
            default -> null;
        };
    }
}
