package io.chainlake.ods.pool;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes messages in a framing {@link ShareLogReader} reads: a line each for JSON; for protobuf, btcpool's share-log
 * framing, each message after its length as a 4-byte little-endian uint32 (ShareLogWriterBase::flushToDisk, btcpool
 * src/ShareLogger.inl), so btcpool's own parser reads the file too. Payloads go out as given (bare messages, as
 * btcpool's file holds them), so a simulator can write malformed messages too.
 */
public final class ShareLogWriter {

    private final OutputStream out;
    private final ShareEncoding encoding;
    private final byte[] lengthPrefix = new byte[4];

    public ShareLogWriter(OutputStream out, ShareEncoding encoding) {
        this.out = out;
        this.encoding = encoding;
    }

    public ShareEncoding encoding() {
        return encoding;
    }

    public void write(ShareEvent share) throws IOException {
        writePayload(encoding.encode(share));
    }

    /** One message as given: a JSON payload must not contain a line break. */
    public void writePayload(byte[] payload) throws IOException {
        if (encoding == ShareEncoding.JSON) {
            out.write(payload);
            out.write('\n');
        } else {
            int n = payload.length;
            lengthPrefix[0] = (byte) n;
            lengthPrefix[1] = (byte) (n >>> 8);
            lengthPrefix[2] = (byte) (n >>> 16);
            lengthPrefix[3] = (byte) (n >>> 24);
            out.write(lengthPrefix);
            out.write(payload);
        }
    }
}
