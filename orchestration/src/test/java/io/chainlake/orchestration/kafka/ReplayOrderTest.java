package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.FoundBlock;
import io.chainlake.ods.blockfile.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayOrderTest {

    @TempDir
    Path dir;

    @Test
    void aShuffledReplayOfACutFileNamesTheBadRecordAndKeepsTheWholeBlocks() throws Exception {
        byte[] all = Files.readAllBytes(TestWarehouse.mainnetFile("blocks-000000-000438.blk"));
        Path cut = dir.resolve("cut.blk");
        Files.write(cut, Arrays.copyOf(all, 50_000));
        List<String> messages = new ArrayList<>();

        ReplayOrder.Reordered reordered = ReplayOrder.of(List.of(cut), Network.MAIN, 3L, 0, 3L, messages::add);

        assertThat(reordered.badRecords()).isOne();
        assertThat(reordered.inputDuplicates()).isZero();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).startsWith("skipped: ").contains("cut.blk").contains("past end of file");
        assertThat(blockHashes(reordered.file())).hasSize(217).doesNotHaveDuplicates();
    }

    @Test
    void blocksTheInputHoldsTwiceAreCountedForTheSummaryAndPublishedOnce() throws Exception {
        byte[] all = Files.readAllBytes(TestWarehouse.mainnetFile("blocks-000000-000438.blk"));
        Path first = Files.write(dir.resolve("first.blk"), Arrays.copyOf(all, 50_000));
        Path again = Files.write(dir.resolve("again.blk"), Arrays.copyOf(all, 50_000));

        ReplayOrder.Reordered reordered = ReplayOrder.of(List.of(first, again), Network.MAIN, 3L, 0, 3L, m -> {});

        assertThat(reordered.inputDuplicates()).isEqualTo(217);
        assertThat(reordered.badRecords()).isEqualTo(2);
        assertThat(blockHashes(reordered.file())).hasSize(217).doesNotHaveDuplicates();
    }

    private static List<String> blockHashes(Path file) throws Exception {
        List<String> blocks = new ArrayList<>();
        new BlockFileReader(Network.MAIN).read(List.of(file), e -> {
            if (e instanceof FoundBlock b) {
                blocks.add(b.header().blockHash());
            }
        });
        return blocks;
    }
}
