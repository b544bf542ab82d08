package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ods.MainnetData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on real mainnet block files; expected values come from data/README.md and block explorers. */
class BlockFileReaderTest {

    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

    @Test
    void firstBlocksStartWithGenesis() throws IOException {
        BlockFileReader reader = new BlockFileReader(Network.MAIN);
        Entries read = Entries.read(reader, MainnetData.file("blocks-000000-000438.blk"));

        assertThat(read.problems()).isEmpty();
        assertThat(read.blocks()).hasSize(439);
        FoundBlock genesis = read.blocks().get(0);
        assertThat(genesis.offset()).isZero();
        // genesis header as every explorer shows it
        assertThat(genesis.header()).isEqualTo(new BlockHeaderInfo(
                GENESIS,
                "0000000000000000000000000000000000000000000000000000000000000000",
                1,
                "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
                1231006505L,
                0x1d00ffffL,
                2083236893L,
                1,
                null,
                285,
                285,
                1140));
        assertThat(read.blocks().get(1).offset()).isEqualTo(8 + 285);
        assertThat(read.blocks().get(1).header().blockHash())
                .isEqualTo("00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048");
        // block 170: the first transaction that is not a coinbase
        assertThat(read.blocks().get(170).header().blockHash())
                .isEqualTo("00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee");
        assertThat(read.blocks().get(170).header().txCount()).isEqualTo(2);
        for (int i = 1; i < read.blocks().size(); i++) {
            assertThat(read.blocks().get(i).header().prevBlockHash())
                    .as("block %d links to block %d", i, i - 1)
                    .isEqualTo(read.blocks().get(i - 1).header().blockHash());
        }
        assertThat(reader.counters()).isEqualTo(new ReaderCounters(1, 439, 446, 99_969, 0));
    }

    @Test
    void block277647() throws IOException {
        var file = MainnetData.file("block-277647.blk");
        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.blocks()).hasSize(1);
        BlockHeaderInfo header = read.blocks().get(0).header();
        assertThat(header.blockHash()).isEqualTo("0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8");
        assertThat(header.txCount()).isEqualTo(213);
        assertThat(header.version()).isEqualTo(2);
        assertThat(header.bip34Height()).isEqualTo(277_647);
        assertThat(header.size()).isEqualTo(Files.size(file) - 8); // one record: magic, length, block
        assertThat(header.strippedSize()).isEqualTo(header.size()); // 2013: no witness data
        assertThat(header.weight()).isEqualTo(4 * header.size());
    }

    @Test
    void sampleBlocksHaveTheirReadmeHeights() throws IOException {
        Entries read = Entries.read(Network.MAIN, MainnetData.file("sample-blocks-2012-2019.blk"));

        assertThat(read.problems()).isEmpty();
        List<Integer> heights = List.of(169482, 227835, 227836, 363703, 370661, 383616, 481815, 481829, 540107, 574200);
        assertThat(read.blocks()).hasSize(heights.size());
        assertThat(read.blocks().stream().mapToInt(b -> b.header().txCount()).sum()).isEqualTo(10_924);
        for (int i = 0; i < heights.size(); i++) {
            int height = heights.get(i);
            Integer bip34 = read.blocks().get(i).header().bip34Height();
            if (height >= 227_931) { // BIP34 enforced on mainnet from this height (Core consensus.BIP34Height)
                assertThat(bip34).as("BIP34 height of block %d", height).isEqualTo(height);
            } else if (bip34 != null) {
                assertThat(bip34).as("BIP34 height of block %d", height).isEqualTo(height);
            }
        }
        assertThat(read.blocks().get(0).header().bip34Height()).as("version 1 block 169482").isNull();
    }

    @Test
    void segwitBlocksWeighLessThanFourTimesTheirSize() throws IOException {
        Entries read = Entries.read(Network.MAIN, MainnetData.file("sample-blocks-2012-2019.blk"));

        // README: 481829, 540107 and 574200 contain SegWit transactions
        for (int i : new int[] {7, 8, 9}) {
            BlockHeaderInfo header = read.blocks().get(i).header();
            assertThat(header.strippedSize()).isLessThan(header.size());
            assertThat(header.weight()).isEqualTo(header.strippedSize() * 3 + header.size());
            assertThat(header.weight()).isLessThanOrEqualTo(4_000_000);
        }
    }
}
