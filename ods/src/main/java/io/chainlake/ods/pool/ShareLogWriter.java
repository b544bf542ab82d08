package io.chainlake.ods.pool;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes messages in the framing {@link ShareLogReader} reads: a line each for JSON, a varint length before each
 * protobuf message. Payloads go out as given, so a simulator can write malformed messages too.
 */
public final class ShareLogWriter {

    private final OutputStream out;
    private final ShareEncoding encoding;
    private final byte[] lengthPrefix = new byte[5];

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
            CodedOutputStream prefix = CodedOutputStream.newInstance(lengthPrefix);
            prefix.writeUInt32NoTag(payload.length);
            out.write(lengthPrefix, 0, prefix.getTotalBytesWritten());
            out.write(payload);
        }
    }
}
