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
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads share logs: JSON lines (one message per line, empty lines skipped) or framed protobuf {@code BitcoinMsg}
 * messages in either of two framings, told apart by the file's first four bytes:
 * <ul>
 *   <li>btcpool's own share-log file ({@code sharelog<chain>-YYYY-MM-DD.bin}, written by its sharelogger: btcpool
 *       src/ShareLogger.inl, ShareLogWriterBase::flushToDisk; read back by src/ShareLogParser.inl): each message
 *       preceded by its length as a 4-byte little-endian uint32, no file header. Its third and fourth bytes are 0
 *       (a share message is far below 65536 bytes), which a varint-framed file never has there: after a one- or
 *       two-byte varint length comes the message's first tag, never 0;</li>
 *   <li>protobuf's writeDelimitedTo framing: a varint length, then the message ({@link ShareLogWriter}).</li>
 * </ul>
 * Either kind of file, JSON lines too, may be gzip-compressed (btcpool's sharelogger writes through zstr, gzip, one
 * member per reopening of the file) or zlib-compressed; the first bytes say so ({@code 1f 8b}, {@code 78 xx}), as
 * btcpool's zstr::ifstream detects it. The encoding comes from the caller, else from the file name ({@code .jsonl},
 * {@code .json}: JSON; {@code .pb}, {@code .protobuf}, {@code .bin}: protobuf; a {@code .gz} suffix is looked
 * through), else from the first (decompressed) byte ({@code '{'} or whitespace: JSON). Messages are not decoded
 * here: the loader keeps each as received.
 */
public final class ShareLogReader {

    /** Larger than any share message by far; a longer length prefix means the framing is broken. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    /** How the protobuf messages of a file are framed. */
    public enum Framing {
        /** A varint length before each message (protobuf's writeDelimitedTo). */
        VARINT,
        /** A 4-byte little-endian uint32 length before each message (btcpool's share-log files). */
        UINT32_LE
    }

    private ShareLogReader() {}

    public static ShareEncoding detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return ShareEncoding.JSON;
        }
        if (name.endsWith(".pb") || name.endsWith(".protobuf") || name.endsWith(".bin")) {
            return ShareEncoding.PROTOBUF;
        }
        try (InputStream in = open(file)) {
            int first = in.read();
            return first == '{' || first == ' ' || first == '\n' || first == '\r' || first == '\t'
                    ? ShareEncoding.JSON : ShareEncoding.PROTOBUF;
        }
    }

    /** The framing of a protobuf share log, from its first four (decompressed) bytes. */
    public static Framing detectFraming(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return framingOf(in.readNBytes(4));
        }
    }

    static Framing framingOf(byte[] head) {
        return head.length == 4 && head[2] == 0 && head[3] == 0 ? Framing.UINT32_LE : Framing.VARINT;
    }

    /** Calls {@code sink} with every message of {@code file} in order; returns how many records it gave. */
    public static long read(Path file, ShareEncoding encoding, Consumer<ShareRecord> sink) throws IOException {
        try (InputStream in = open(file)) {
            if (encoding == ShareEncoding.JSON) {
                return readLines(in, sink);
            }
            in.mark(4);
            Framing framing = framingOf(in.readNBytes(4));
            in.reset();
            return framing == Framing.UINT32_LE ? readUInt32Framed(in, sink) : readDelimited(in, sink);
        }
    }

    /** The file's bytes, decompressed when they start as gzip or zlib data does; supports mark/reset. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            }
            if (b0 == 0x78 && b1 >= 0 && ((b0 << 8) | b1) % 31 == 0 && (b1 & 0x20) == 0) {
                return new BufferedInputStream(new InflaterInputStream(raw), 1 << 16);
            }
            return raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Why reading stopped inside compressed data (cut off or corrupt), or null when the file is not compressed. */
    private static String compressionProblem(IOException e) {
        if (e instanceof ZipException || (e instanceof EOFException && e.getMessage() != null
                && e.getMessage().contains("ZLIB"))) {
            return "compressed data broken (" + e.getMessage() + "): nothing more can be read from this file";
        }
        return null;
    }

    private static long readLines(InputStream in, Consumer<ShareRecord> sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long lineNumber = 0;
        long records = 0;
        boolean pending = false;
        try {
            int b;
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
        } catch (IOException e) {
            String problem = compressionProblem(e);
            if (problem == null) {
                throw e;
            }
            sink.accept(new ShareRecord(lineNumber + 1, ShareEncoding.JSON, line.toByteArray(), problem));
            return records + 1;
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
        long done = 0; // records given to the sink; the one being read is done + 1
        try {
            while (true) {
                int first = in.read();
                if (first == -1) {
                    return done;
                }
                long length;
                try {
                    length = readVarint(in, first);
                } catch (EOFException e) {
                    sink.accept(new ShareRecord(done + 1, ShareEncoding.PROTOBUF, new byte[] {(byte) first},
                            "length prefix cut off by the end of the file"));
                    return done + 1;
                }
                boolean whole = readMessage(in, done + 1, length, "", sink);
                done++;
                if (!whole) {
                    return done;
                }
            }
        } catch (IOException e) {
            return compressionProblem(e, done + 1, sink);
        }
    }

    /** btcpool's share-log framing (src/ShareLogger.inl flushToDisk: {@code f->write(&size, 4)}, then the message). */
    private static long readUInt32Framed(InputStream in, Consumer<ShareRecord> sink) throws IOException {
        long done = 0; // records given to the sink; the one being read is done + 1
        try {
            while (true) {
                byte[] prefix = in.readNBytes(4);
                if (prefix.length == 0) {
                    return done;
                }
                if (prefix.length < 4) {
                    sink.accept(new ShareRecord(done + 1, ShareEncoding.PROTOBUF, prefix, "4-byte length prefix cut"
                            + " off by the end of the file (" + prefix.length + " bytes left)"));
                    return done + 1;
                }
                long length = (prefix[0] & 0xffL) | (prefix[1] & 0xffL) << 8 | (prefix[2] & 0xffL) << 16
                        | (prefix[3] & 0xffL) << 24;
                boolean whole = readMessage(in, done + 1, length, " (uint32 little-endian)", sink);
                done++;
                if (!whole) {
                    return done;
                }
            }
        } catch (IOException e) {
            return compressionProblem(e, done + 1, sink);
        }
    }

    /** Gives the message of {@code length} bytes to the sink; false (after a framing problem) when it is cut off. */
    private static boolean readMessage(InputStream in, long record, long length, String prefixKind,
            Consumer<ShareRecord> sink) throws IOException {
        if (length > MAX_MESSAGE_BYTES) {
            sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, in.readNBytes(MAX_MESSAGE_BYTES),
                    "length prefix" + prefixKind + " " + length + " is beyond " + MAX_MESSAGE_BYTES
                            + " bytes: not a share log in this framing from here on"));
            return false;
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, payload,
                    "message length " + length + " past end of file (" + payload.length + " bytes left)"));
            return false;
        }
        sink.accept(new ShareRecord(record, ShareEncoding.PROTOBUF, payload, null));
        return true;
    }

    private static long compressionProblem(IOException e, long position, Consumer<ShareRecord> sink)
            throws IOException {
        String problem = compressionProblem(e);
        if (problem == null) {
            throw e;
        }
        sink.accept(new ShareRecord(position, ShareEncoding.PROTOBUF, new byte[0], problem));
        return position;
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
