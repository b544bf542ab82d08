package io.chainlake.ods.blockfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes test block files the way Bitcoin Core lays them out. */
final class BlockFileWriter {

    private BlockFileWriter() {
    }

    /** Records {@code magic, little-endian length, block} for each block, in the given order. */
    static byte[] records(Network network, List<byte[]> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] block : blocks) {
            out.writeBytes(network.magicBytes());
            int n = block.length;
            out.writeBytes(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
            out.writeBytes(block);
        }
        return out.toByteArray();
    }

    /** XORs bytes as Core's AutoFile does: byte at file position p with key[p % 8]; the input is not changed. */
    static byte[] obfuscate(byte[] bytes, long filePosition, byte[] key) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= key[(int) ((filePosition + i) % key.length)];
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
