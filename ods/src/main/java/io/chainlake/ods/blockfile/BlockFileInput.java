package io.chainlake.ods.blockfile;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One block file opened for reading: positional reads through a sliding window that holds de-obfuscated
 * bytes. The window is larger than the largest block record, so every record is served from it and every byte
 * of the file is read from disk once.
 */
final class BlockFileInput implements Closeable {

    /** Larger than the largest record: 8 header bytes + {@link BlockFileReader#MAX_BLOCK_LENGTH}. */
    static final int WINDOW_SIZE = 4 << 20;

    private final FileChannel channel;
    private final long size;
    private final XorKey key;
    private final byte[] window;
    private long windowStart;
    private int windowLength;
    private long bytesFromDisk;

    private BlockFileInput(FileChannel channel, long size, XorKey key) {
        this.channel = channel;
        this.size = size;
        this.key = key;
        this.window = new byte[WINDOW_SIZE];
    }

    static BlockFileInput open(Path file, XorKey key) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new BlockFileInput(channel, channel.size(), key);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long size() {
        return size;
    }

    /** Bytes read from disk since the last call. */
    long takeBytesFromDisk() {
        long n = bytesFromDisk;
        bytesFromDisk = 0;
        return n;
    }

    /** Fills {@code dst} with the de-obfuscated bytes at {@code pos}; {@code dst.length} is at most the window. */
    void readFully(long pos, byte[] dst) throws IOException {
        ensure(pos, dst.length);
        System.arraycopy(window, (int) (pos - windowStart), dst, 0, dst.length);
    }

    /** The 4 bytes at {@code pos} as a big-endian int (how magics are written: first byte most significant). */
    int readIntBigEndian(long pos) throws IOException {
        ensure(pos, 4);
        int i = (int) (pos - windowStart);
        return (window[i] & 0xff) << 24 | (window[i + 1] & 0xff) << 16 | (window[i + 2] & 0xff) << 8 | (window[i + 3] & 0xff);
    }

    /** The 4 bytes at {@code pos} as an unsigned little-endian number (how block lengths are written). */
    long readUint32LittleEndian(long pos) throws IOException {
        return Integer.reverseBytes(readIntBigEndian(pos)) & 0xffffffffL;
    }

    /** The first position at or after {@code from} where {@code pattern} starts, or -1. */
    long indexOf(byte[] pattern, long from) throws IOException {
        long pos = from;
        while (pos + pattern.length <= size) {
            ensure(pos, pattern.length);
            int last = windowLength - pattern.length;
            for (int i = (int) (pos - windowStart); i <= last; i++) {
                if (matches(pattern, i)) {
                    return windowStart + i;
                }
            }
            pos = windowStart + last + 1;
        }
        return -1;
    }

    /**
     * True when every byte from {@code from} to the end of the file is zero, either as stored (Bitcoin Core
     * preallocates with plain zeros, which it never obfuscates) or after de-obfuscation.
     */
    boolean isZeroTail(long from) throws IOException {
        boolean plainZero = true;
        boolean storedZero = true;
        long pos = from;
        while (pos < size) {
            ensure(pos, 1);
            for (int i = (int) (pos - windowStart); i < windowLength; i++) {
                byte b = window[i];
                plainZero &= b == 0;
                storedZero &= (b ^ key.at(windowStart + i)) == 0;
                if (!plainZero && !storedZero) {
                    return false;
                }
            }
            pos = windowStart + windowLength;
        }
        return true;
    }

    private boolean matches(byte[] pattern, int i) {
        for (int j = 0; j < pattern.length; j++) {
            if (window[i + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    /** Makes the window cover {@code [pos, pos + len)}, keeping bytes it already holds. */
    private void ensure(long pos, int len) throws IOException {
        if (pos >= windowStart && pos + len <= windowStart + windowLength) {
            return;
        }
        if (pos < 0 || len > window.length || pos + len > size) {
            throw new EOFException("read of " + len + " bytes at " + pos + " outside file of " + size + " bytes");
        }
        int kept = 0;
        if (pos >= windowStart && pos < windowStart + windowLength) {
            kept = (int) (windowStart + windowLength - pos);
            System.arraycopy(window, (int) (pos - windowStart), window, 0, kept);
        }
        int want = (int) Math.min(window.length, size - pos);
        ByteBuffer target = ByteBuffer.wrap(window, kept, want - kept);
        long filePos = pos + kept;
        while (target.hasRemaining()) {
            int n = channel.read(target, filePos + target.position() - kept);
            if (n < 0) {
                throw new EOFException("file shrank while reading: " + size + " bytes expected");
            }
            bytesFromDisk += n;
        }
        key.apply(window, kept, want - kept, filePos);
        windowStart = pos;
        windowLength = want;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
