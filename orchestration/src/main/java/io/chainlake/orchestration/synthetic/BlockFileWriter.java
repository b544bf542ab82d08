package io.chainlake.orchestration.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes blocks in Bitcoin Core's {@code blk*.dat} framing: 4 network magic bytes, the block's length as a 4-byte
 * little-endian number, the block. Not buffered: give it a buffered stream.
 */
public final class BlockFileWriter implements Closeable {

    /** Regtest {@code pchMessageStart} (Bitcoin Core {@code src/kernel/chainparams.cpp}), in file order. */
    public static final byte[] REGTEST_MAGIC = {(byte) 0xfa, (byte) 0xbf, (byte) 0xb5, (byte) 0xda};

    private final OutputStream out;
    private final byte[] magic;
    private long bytesWritten;

    /** A writer of regtest records. */
    public BlockFileWriter(OutputStream out) {
        this(out, REGTEST_MAGIC);
    }

    public BlockFileWriter(OutputStream out, byte[] magic) {
        if (magic.length != 4) {
            throw new IllegalArgumentException("network magic must be 4 bytes, got " + magic.length);
        }
        this.out = out;
        this.magic = magic.clone();
    }

    /** Appends one record holding {@code block}. */
    public void write(byte[] block) throws IOException {
        int length = block.length;
        out.write(magic);
        out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        out.write(block);
        bytesWritten += 8L + length;
    }

    /** Bytes written so far, record headers included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
