package io.chainlake.ods.blockfile;

import java.nio.file.Path;

/**
 * Bytes of a block file that are not a block, with the reason; a loader turns these into reject rows.
 *
 * @param file   the block file
 * @param offset file position where the problem starts
 * @param reason what is wrong, e.g. {@code block length 0x00000000 (0 bytes, allowed 1..4001000)}
 */
public record BlockProblem(Path file, long offset, String reason) implements BlockFileEntry {

    /** E.g. {@code blk00003.dat offset 1048576: block length 0x00000000 (0 bytes, allowed 1..4001000)}. */
    public String message() {
        return file.getFileName() + " offset " + offset + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
