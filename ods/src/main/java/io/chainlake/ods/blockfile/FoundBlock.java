package io.chainlake.ods.blockfile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A block found in a block file.
 *
 * @param file   the block file
 * @param offset file position of the record's magic bytes
 * @param raw    the serialized block exactly as stored (de-obfuscated), witness data included
 * @param header what the block says about itself
 */
public record FoundBlock(Path file, long offset, byte[] raw, BlockHeaderInfo header) implements BlockFileEntry {

    @Override
    public boolean equals(Object o) {
        return o instanceof FoundBlock other
                && file.equals(other.file)
                && offset == other.offset
                && Arrays.equals(raw, other.raw)
                && header.equals(other.header);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, offset, Arrays.hashCode(raw), header);
    }

    @Override
    public String toString() {
        return file.getFileName() + " offset " + offset + ": block " + header.blockHash() + " (" + raw.length + " bytes)";
    }
}
