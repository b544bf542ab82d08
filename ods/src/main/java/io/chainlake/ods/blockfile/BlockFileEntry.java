package io.chainlake.ods.blockfile;

import java.nio.file.Path;

/** What {@link BlockFileReader} reports for a position in a block file: a block, or a problem. */
public sealed interface BlockFileEntry permits FoundBlock, BlockProblem {

    /** The block file, as given to the reader or found in a given directory. */
    Path file();

    /** File position of the record's magic bytes (for a problem: where the problem starts). */
    long offset();
}
