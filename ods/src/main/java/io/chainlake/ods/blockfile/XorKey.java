package io.chainlake.ods.blockfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The block-file obfuscation key of Bitcoin Core 28 and later: 8 bytes in {@code xor.dat} in the blocks
 * directory. Core's {@code AutoFile} XORs the byte at file position {@code p} with {@code key[p % 8]}; an
 * all-zero key, or no {@code xor.dat} at all (blocks written by older versions), means plain bytes.
 */
final class XorKey {

    static final String FILE_NAME = "xor.dat";
    static final int LENGTH = 8;

    private static final XorKey NONE = new XorKey(new byte[LENGTH]);

    private final byte[] key;
    private final boolean identity;

    private XorKey(byte[] key) {
        this.key = key;
        boolean allZero = true;
        for (byte b : key) {
            allZero &= b == 0;
        }
        this.identity = allZero;
    }

    /** The key in {@code xor.dat} beside a block file, or a key that changes nothing when there is no such file. */
    static XorKey forBlockFile(Path blockFile) throws IOException {
        Path xorFile = blockFile.toAbsolutePath().resolveSibling(FILE_NAME);
        if (!Files.exists(xorFile)) {
            return NONE;
        }
        byte[] bytes = Files.readAllBytes(xorFile);
        if (bytes.length != LENGTH) {
            throw new IOException(xorFile + ": obfuscation key must be " + LENGTH + " bytes, found " + bytes.length);
        }
        return new XorKey(bytes);
    }

    /** The key byte that applies at a file position. */
    byte at(long filePosition) {
        return key[(int) (filePosition & (LENGTH - 1))];
    }

    /** XORs {@code len} bytes of {@code buf} from {@code off}, which were read from file position {@code filePosition}. */
    void apply(byte[] buf, int off, int len, long filePosition) {
        if (identity) {
            return;
        }
        int k = (int) (filePosition & (LENGTH - 1));
        for (int i = off, end = off + len; i < end; i++) {
            buf[i] ^= key[k];
            k = (k + 1) & (LENGTH - 1);
        }
    }
}
