package io.chainlake.ods.blockfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a reader reported, split into blocks and problems, for assertions. */
record Entries(List<FoundBlock> blocks, List<BlockProblem> problems) {

    static Entries read(Network network, Path... paths) throws IOException {
        return read(new BlockFileReader(network), paths);
    }

    static Entries read(BlockFileReader reader, Path... paths) throws IOException {
        List<FoundBlock> blocks = new ArrayList<>();
        List<BlockProblem> problems = new ArrayList<>();
        reader.read(List.of(paths), entry -> {
            if (entry instanceof FoundBlock block) {
                blocks.add(block);
            } else if (entry instanceof BlockProblem problem) {
                problems.add(problem);
            }
        });
        return new Entries(blocks, problems);
    }

    List<String> hashes() {
        return blocks.stream().map(b -> b.header().blockHash()).toList();
    }
}
