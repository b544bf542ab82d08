package io.chainlake.ods.load;

import io.chainlake.catalog.TestWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.Sha256Hash;

/**
 * Real mainnet blocks split from their block-file framing by the test itself (not by the code under test), and
 * block files written back the way Bitcoin Core lays them out: records of magic, little-endian length and block,
 * XORed with the {@code xor.dat} key by file position, followed by a preallocated tail of plain zeros.
 */
final class CoreBlockFiles {

    /** Mainnet {@code pchMessageStart}, Bitcoin Core {@code src/kernel/chainparams.cpp}. */
    static final byte[] MAIN_MAGIC = {(byte) 0xf9, (byte) 0xbe, (byte) 0xb4, (byte) 0xd9};
    /** Core preallocates blk files in chunks of {@code BLOCKFILE_CHUNK_SIZE} = 16 MiB, filled with zeros. */
    static final int CHUNK = 16 << 20;
    /** data/README.md: the genesis block hash. */
    static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    static final String NO_PARENT = "0".repeat(64);

    private CoreBlockFiles() {}

    /** One block of a bundled file, with the position of its record there. */
    record RealBlock(long offset, byte[] raw) {

        String hash() {
            return Sha256Hash.wrapReversed(Sha256Hash.hashTwice(raw, 0, 80)).toString();
        }

        String prevHash() {
            return Sha256Hash.wrapReversed(Arrays.copyOfRange(raw, 4, 36)).toString();
        }

        String merkleRoot() {
            return Sha256Hash.wrapReversed(Arrays.copyOfRange(raw, 36, 68)).toString();
        }

        int version() {
            return ByteBuffer.wrap(raw, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
    }

    /** Where a block was written. */
    record Position(Path file, long offset) {

        String sourceFile() {
            return file.toAbsolutePath().normalize().toString();
        }
    }

    /** The blocks of a file in {@code data/chain/mainnet}, in file order. */
    static List<RealBlock> mainnet(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(TestWarehouse.mainnetFile(name));
        List<RealBlock> blocks = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            if (!Arrays.equals(bytes, pos, pos + 4, MAIN_MAGIC, 0, 4)) {
                throw new IllegalStateException(name + " offset " + pos + ": not a mainnet record");
            }
            int length = ByteBuffer.wrap(bytes, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            blocks.add(new RealBlock(pos, Arrays.copyOfRange(bytes, pos + 8, pos + 8 + length)));
            pos += 8 + length;
        }
        return blocks;
    }

    /** {@code magic, little-endian length, block} for each block, in order. */
    static byte[] records(List<byte[]> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] block : blocks) {
            out.writeBytes(MAIN_MAGIC);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(block.length).array());
            out.writeBytes(block);
        }
        return out.toByteArray();
    }

    /** Offsets of the records {@link #records} writes for these blocks. */
    static List<Long> offsets(List<byte[]> blocks) {
        List<Long> offsets = new ArrayList<>();
        long pos = 0;
        for (byte[] block : blocks) {
            offsets.add(pos);
            pos += 8 + block.length;
        }
        return offsets;
    }

    /** XORs in place as Core's AutoFile does: the byte at file position p with key[p % 8]. */
    static byte[] obfuscate(byte[] bytes, byte[] key) {
        for (int p = 0; p < bytes.length; p++) {
            bytes[p] ^= key[p % key.length];
        }
        return bytes;
    }

    /** Records XORed with {@code key}, then plain zeros up to the next 16 MiB chunk, as Core leaves a blk file. */
    static void writeBlkFile(Path file, byte[] records, byte[] key) throws IOException {
        byte[] bytes = Arrays.copyOf(obfuscate(records.clone(), key), (records.length / CHUNK + 1) * CHUNK);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Writes {@code xor.dat} and returns it. */
    static Path writeXorKey(Path dir, byte[] key) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve("xor.dat"), key);
    }
}
