package io.chainlake.ods.pool;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a share message is encoded; {@link #cliName()} is the value of the {@code encoding} columns. */
public enum ShareEncoding {
    /** One JSON object per message with btcpool's field names; a file holds one per line. */
    JSON("json"),
    /**
     * btcpool's BitcoinMsg, bare or after btcpool's 4-byte version prefix (its Kafka form); a file holds them with a
     * uint32 little-endian length (btcpool's share-log files) or a varint length before each, see ShareLogReader.
     */
    PROTOBUF("protobuf");

    private final String cliName;

    ShareEncoding(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ShareEncoding fromCliName(String name) {
        for (ShareEncoding e : values()) {
            if (e.cliName.equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown share encoding '" + name + "'; valid names: "
                + Arrays.stream(values()).map(ShareEncoding::cliName).collect(Collectors.joining(", ")));
    }

    /** Encodes one message (no framing). */
    public byte[] encode(ShareEvent share) {
        return this == JSON ? ShareJsonCodec.encode(share) : ShareProtobufCodec.encode(share);
    }

    /**
     * A message as the pool puts it on Kafka: a protobuf message after btcpool's 4-byte version prefix
     * ({@link ShareProtobufCodec#withVersionPrefix}), a JSON message as it is.
     */
    public byte[] kafkaValue(byte[] message) {
        return this == PROTOBUF ? ShareProtobufCodec.withVersionPrefix(message) : message;
    }

    /** Decodes and validates one message (no framing; a protobuf message with or without btcpool's prefix). */
    public ShareEvent decode(byte[] payload) throws ShareDecodeException {
        return this == JSON ? ShareJsonCodec.decode(payload) : ShareProtobufCodec.decode(payload);
    }

    /** Why {@link #decode} refuses the message, or null when it decodes: the reject reason of every ODS writer. */
    public String problem(byte[] payload) {
        try {
            decode(payload);
            return null;
        } catch (ShareDecodeException e) {
            return e.getMessage();
        }
    }
}
