package io.chainlake.ods.pool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads share logs: JSON lines (one message per line, empty lines skipped) or length-delimited protobuf (varint
 * length, then the message: protobuf's writeDelimitedTo framing). The encoding comes from the caller, else from
 * the file name ({@code .jsonl}, {@code .json}: JSON; {@code .pb}, {@code .protobuf}, {@code .bin}: protobuf), else
 * from the first byte ({@code '{'} or whitespace: JSON). Messages are not decoded here: the loader keeps each as
 * received.
 */
public final class ShareLogReader {

    /** Larger than any share message by far; a longer length prefix means the framing is broken. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    private ShareLogReader() {}

    public static ShareEncoding detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return ShareEncoding.JSON;
        }
        if (name.endsWith(".pb") || name.endsWith(".protobuf") || name.endsWith(".bin")) {
            return ShareEncoding.PROTOBUF;
        }
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            return first == '{' || first == ' ' || first == '\n' || first == '\r' || first == '\t'
                    ? ShareEncoding.JSON : ShareEncoding.PROTOBUF;
        }
    }

    /** Calls {@code sink} with every message of {@code file} in order; returns how many records it gave. */
    public static long read(Path file, ShareEncoding encoding, Consumer<ShareRecord> sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return encoding == ShareEncoding.JSON ? readLines(in, sink) : readDelimited(in, sink);
        }
    }

    private static long readLines(InputStream in, Consumer<ShareRecord> sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long lineNumber = 0;
        long records = 0;
        int b;
        boolean pending = false;
        while ((b = in.read()) != -1) {
            pending = true;
            if (b == '\n') {
                lineNumber++;
                records += emitLine(line, lineNumber, sink);
                pending = false;
            } else {
                line.write(b);
            }
        }
        if (pending) {
            records += emitLine(line, lineNumber + 1, sink);
        }
        return records;
    }

    private static int emitLine(ByteArrayOutputStream line, long lineNumber, Consumer<ShareRecord> sink) {
        byte[] bytes = line.toByteArray();
        line.reset();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        if (new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return 0;
        }
        sink.accept(new ShareRecord(lineNumber, ShareEncoding.JSON, java.util.Arrays.copyOf(bytes, end), null));
        return 1;
    }

    private static long readDelimited(InputStream in, Consumer<ShareRecord> sink) throws IOException {
        long record = 0;
        while (true) {
            int first = in.read();
            if (first == -1) {
                return record;
            }
            record++;
            long length;
            try {
                length = readVarint(in, first);
            } catch (EOFException e) {
                sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, new byte[] {(byte) first},
                        "length prefix cut off by the end of the file"));
                return record;
            }
            if (length > MAX_MESSAGE_BYTES) {
                sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, in.readNBytes(MAX_MESSAGE_BYTES),
                        "length prefix " + length + " is beyond " + MAX_MESSAGE_BYTES
                                + " bytes: not a length-delimited share log from here on"));
                return record;
            }
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, payload,
                        "message length " + length + " past end of file (" + payload.length + " bytes left)"));
                return record;
            }
            sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, payload, null));
        }
    }

    private static long readVarint(InputStream in, int first) throws IOException {
        long value = first & 0x7f;
        int b = first;
        for (int shift = 7; (b & 0x80) != 0; shift += 7) {
            b = in.read();
            if (b == -1) {
                throw new EOFException();
            }
            if (shift > 35) {
                return Long.MAX_VALUE; // longer than any 32-bit length: broken framing
            }
            value |= (long) (b & 0x7f) << shift;
        }
        return value;
    }
}
