package io.chainlake.dwd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real mainnet blocks in {@code data/chain/mainnet} (see {@code data/README.md}), found by walking up from the
 * working directory, split from Bitcoin Core's blk-file framing: magic f9beb4d9, 4-byte little-endian length, block.
 */
public final class MainnetBlocks {

    /** Heights 0..438, contiguous from genesis. */
    public static final String FIRST_439 = "blocks-000000-000438.blk";
    /** Block 277647, 213 transactions. */
    public static final String BLOCK_277647 = "block-277647.blk";
    /** Heights 169482, 227835, 227836, 363703, 370661, 383616, 481815, 481829, 540107, 574200. */
    public static final String SAMPLE_2012_2019 = "sample-blocks-2012-2019.blk";

    private static final int MAGIC = 0xd9b4bef9;

    private MainnetBlocks() {
    }

    /** The blocks of {@code fileName}, in file order. */
    public static List<byte[]> read(String fileName) {
        Path file = directory().resolve(fileName);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> blocks = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int offset = buffer.position();
            int magic = buffer.getInt();
            if (magic != MAGIC) {
                throw new IllegalStateException(file + " offset " + offset + ": magic " + Integer.toHexString(magic));
            }
            int length = buffer.getInt();
            if (length <= 0 || length > buffer.remaining()) {
                throw new IllegalStateException(file + " offset " + offset + ": block length " + length);
            }
            byte[] block = new byte[length];
            buffer.get(block);
            blocks.add(block);
        }
        return blocks;
    }

    /** {@code data/chain/mainnet} in the working directory or the nearest parent that has it. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/chain/mainnet");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no data/chain/mainnet above " + Path.of("").toAbsolutePath());
    }
}
