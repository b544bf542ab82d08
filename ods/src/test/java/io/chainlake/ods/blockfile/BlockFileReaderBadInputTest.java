package io.chainlake.ods.blockfile;

import static io.chainlake.ods.blockfile.BlockFileWriter.concat;
import static io.chainlake.ods.blockfile.BlockFileWriter.obfuscate;
import static io.chainlake.ods.blockfile.BlockFileWriter.records;
import static io.chainlake.ods.blockfile.BlockFileWriter.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.ods.MainnetData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Obfuscated, shuffled, padded, truncated and corrupted copies of real block files. */
class BlockFileReaderBadInputTest {

    private static final int ZERO_TAIL = 1 << 20;

    private static byte[] first439;
    private static List<FoundBlock> first439Blocks;
    private static FoundBlock block277647;

    @TempDir
    Path dir;

    @BeforeAll
    static void readOriginals() throws IOException {
        Path file = MainnetData.file("blocks-000000-000438.blk");
        first439 = Files.readAllBytes(file);
        first439Blocks = Entries.read(Network.MAIN, file).blocks();
        block277647 = Entries.read(Network.MAIN, MainnetData.file("block-277647.blk")).blocks().get(0);
    }

    private static Map<String, byte[]> rawByHash(List<FoundBlock> blocks) {
        return blocks.stream().collect(Collectors.toMap(b -> b.header().blockHash(), FoundBlock::raw));
    }

    private static List<String> allHashes() {
        return first439Blocks.stream().map(b -> b.header().blockHash()).toList();
    }

    private static List<String> hashesWithout(int index) {
        List<String> hashes = new ArrayList<>(allHashes());
        hashes.remove(index);
        return hashes;
    }

    @Test
    void shuffledObfuscatedBlocksWithZeroTailsAreTheSameBlocks() throws IOException {
        List<FoundBlock> originals = new ArrayList<>(first439Blocks);
        originals.add(block277647);
        List<byte[]> shuffled = new ArrayList<>(originals.stream().map(FoundBlock::raw).toList());
        Random random = new Random(20241028);
        Collections.shuffle(shuffled, random);
        byte[] key = new byte[8];
        random.nextBytes(key);
        write(dir.resolve("xor.dat"), key);

        byte[] file0 = records(Network.MAIN, shuffled.subList(0, 200));
        // Core preallocates with plain zeros, never obfuscated
        write(dir.resolve("blk00000.dat"), concat(obfuscate(file0, 0, key), new byte[ZERO_TAIL]));
        // a tail of obfuscated zeros ends a file just the same
        byte[] file1 = concat(records(Network.MAIN, shuffled.subList(200, shuffled.size())), new byte[ZERO_TAIL]);
        write(dir.resolve("blk00001.dat"), obfuscate(file1, 0, key));
        write(dir.resolve("rev00000.dat"), new byte[] {1, 2, 3}); // not a blk file: ignored

        Entries read = Entries.read(Network.MAIN, dir);

        assertThat(read.problems()).isEmpty();
        assertThat(read.blocks()).hasSize(originals.size());
        assertThat(read.blocks().stream().map(FoundBlock::file).distinct())
                .containsExactly(dir.resolve("blk00000.dat"), dir.resolve("blk00001.dat"));
        Map<String, byte[]> found = rawByHash(read.blocks());
        assertThat(found).hasSameSizeAs(originals);
        rawByHash(originals).forEach((hash, raw) -> assertThat(found.get(hash)).as(hash).isEqualTo(raw));
        Map<String, BlockHeaderInfo> headers = read.blocks().stream()
                .collect(Collectors.toMap(b -> b.header().blockHash(), FoundBlock::header));
        originals.forEach(b -> assertThat(headers.get(b.header().blockHash())).isEqualTo(b.header()));
    }

    @Test
    void allZeroXorKeyMeansPlainBytes() throws IOException {
        write(dir.resolve("xor.dat"), new byte[8]);
        write(dir.resolve("blk00000.dat"), first439);

        Entries read = Entries.read(Network.MAIN, dir);

        assertThat(read.problems()).isEmpty();
        assertThat(read.hashes()).isEqualTo(allHashes());
    }

    @Test
    void xorKeyOfWrongLengthIsAnError() throws IOException {
        write(dir.resolve("xor.dat"), new byte[7]);
        write(dir.resolve("blk00000.dat"), first439);

        assertThatThrownBy(() -> Entries.read(Network.MAIN, dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("xor.dat").toString())
                .hasMessageContaining("found 7");
    }

    @Test
    void truncatedFileGivesTheBlocksBeforeTheCutAndOneProblem() throws IOException {
        FoundBlock cut = first439Blocks.get(200);
        long cutAt = cut.offset() + 8 + cut.raw().length / 2;
        Path file = write(dir.resolve("blk00007.dat"), Arrays.copyOf(first439, (int) cutAt));

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(200).subList(0, 200));
        assertThat(read.problems()).hasSize(1);
        BlockProblem problem = read.problems().get(0);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.offset()).isEqualTo(cut.offset());
        long left = cutAt - cut.offset() - 8;
        assertThat(problem.message()).isEqualTo("blk00007.dat offset " + cut.offset() + ": block length "
                + cut.raw().length + " past end of file (" + left + " bytes left)");
    }

    @Test
    void fileEndingInsideARecordHeader() throws IOException {
        FoundBlock last = first439Blocks.get(438);
        Path file = write(dir.resolve("blk00000.dat"), Arrays.copyOf(first439, (int) last.offset() + 5));

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.blocks()).hasSize(438);
        assertThat(read.problems()).extracting(BlockProblem::message).containsExactly(
                "blk00000.dat offset " + last.offset() + ": block header past end of file (5 bytes left)");
    }

    @Test
    void corruptedMagicLosesOnlyThatBlock() throws IOException {
        FoundBlock hit = first439Blocks.get(100);
        byte[] bytes = first439.clone();
        bytes[(int) hit.offset()] = 0x12;
        bytes[(int) hit.offset() + 1] = 0x34;
        bytes[(int) hit.offset() + 2] = 0x56;
        bytes[(int) hit.offset() + 3] = 0x78;
        Path file = write(dir.resolve("blk00003.dat"), bytes);

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(100));
        assertThat(read.problems()).hasSize(1);
        BlockProblem problem = read.problems().get(0);
        assertThat(problem.offset()).isEqualTo(hit.offset());
        assertThat(problem.message()).startsWith("blk00003.dat offset " + hit.offset()
                + ": wrong magic 0x12345678 (expected 0xf9beb4d9 for main)");
        assertThat(problem.reason()).endsWith("to the next magic at offset " + first439Blocks.get(101).offset());
    }

    @Test
    void corruptedByteInsideABlockLosesOnlyThatBlock() throws IOException {
        FoundBlock hit = first439Blocks.get(150);
        byte[] bytes = first439.clone();
        int inCoinbaseScript = (int) hit.offset() + 8 + 80 + 1 + 4 + 1 + 36 + 1 + 2;
        bytes[inCoinbaseScript] ^= 0x01;
        Path file = write(dir.resolve("blk00000.dat"), bytes);

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(150));
        assertThat(read.problems()).hasSize(1);
        BlockProblem problem = read.problems().get(0);
        assertThat(problem.offset()).isEqualTo(hit.offset());
        assertThat(problem.message()).startsWith("blk00000.dat offset " + hit.offset()
                + ": undecodable block: merkle root mismatch: header has " + hit.header().merkleRoot()
                + ", transactions give ");
        assertThat(problem.reason()).doesNotEndWith(hit.header().merkleRoot());
    }

    @ParameterizedTest
    @ValueSource(ints = {68, 76}) // a time byte, a nonce byte: the header still decodes, under another hash
    void corruptedHeaderFailsProofOfWorkAndLosesOnlyThatBlock(int headerByte) throws IOException {
        FoundBlock hit = first439Blocks.get(150);
        byte[] bytes = first439.clone();
        bytes[(int) hit.offset() + 8 + headerByte] ^= 0x01;
        Path file = write(dir.resolve("blk00000.dat"), bytes);

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(150));
        assertThat(read.problems()).hasSize(1);
        assertThat(read.problems().get(0).offset()).isEqualTo(hit.offset());
        assertThat(read.problems().get(0).message()).startsWith("blk00000.dat offset " + hit.offset()
                + ": proof of work fails: hash ").contains("above the target of bits 0x1d00ffff");
    }

    @Test
    void bitsAboveTheNetworkLimitAreAProblem() throws IOException {
        FoundBlock hit = first439Blocks.get(150);
        byte[] bytes = first439.clone();
        bytes[(int) hit.offset() + 8 + 75] = 0x20; // bits 0x2000ffff: far easier than mainnet's powLimit
        Path file = write(dir.resolve("blk00000.dat"), bytes);

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(150));
        assertThat(read.problems()).singleElement().extracting(BlockProblem::reason).asString()
                .isEqualTo("bits 0x2000ffff encode a target above the main proof-of-work limit");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 0x7fffffff})
    void badLengthIsReportedAndReadingResumesAtTheNextMagic(int length) throws IOException {
        FoundBlock hit = first439Blocks.get(50);
        Path file = write(dir.resolve("blk00003.dat"), withLength(hit, length));

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(50));
        assertThat(read.problems()).hasSize(1);
        assertThat(read.problems().get(0).message()).startsWith(String.format(
                "blk00003.dat offset %d: block length 0x%08x (%d bytes, allowed 1..4001000)", hit.offset(), length, length));
    }

    @Test
    void wrongLengthInsideTheFileIsReportedAndReadingResumesAtTheNextMagic() throws IOException {
        FoundBlock hit = first439Blocks.get(50);
        Path file = write(dir.resolve("blk00003.dat"), withLength(hit, hit.raw().length + 1));

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(50));
        assertThat(read.problems()).extracting(BlockProblem::message).containsExactly(
                "blk00003.dat offset " + hit.offset() + ": undecodable block: 1 transactions end at byte "
                        + hit.raw().length + ", 1 bytes before the end of the block; skipped "
                        + (8 + hit.raw().length) + " bytes to the next magic at offset "
                        + first439Blocks.get(51).offset());
    }

    @Test
    void lengthPastTheEndOfFileWithBlocksAfterItLosesOnlyThatBlock() throws IOException {
        FoundBlock hit = first439Blocks.get(50);
        Path file = write(dir.resolve("blk00003.dat"), withLength(hit, 3_000_000));

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).isEqualTo(hashesWithout(50));
        assertThat(read.problems()).extracting(BlockProblem::message).containsExactly(
                "blk00003.dat offset " + hit.offset() + ": block length 3000000 past end of file ("
                        + (first439.length - hit.offset() - 8) + " bytes left); skipped " + (8 + hit.raw().length)
                        + " bytes to the next magic at offset " + first439Blocks.get(51).offset());
    }

    private static byte[] withLength(FoundBlock block, int length) {
        byte[] bytes = first439.clone();
        int at = (int) block.offset() + 4;
        bytes[at] = (byte) length;
        bytes[at + 1] = (byte) (length >>> 8);
        bytes[at + 2] = (byte) (length >>> 16);
        bytes[at + 3] = (byte) (length >>> 24);
        return bytes;
    }

    @Test
    void zerosFollowedByMoreBlocksAreAProblemNotTheEnd() throws IOException {
        byte[] bytes = concat(concat(records(Network.MAIN, List.of(first439Blocks.get(0).raw())), new byte[100]),
                records(Network.MAIN, List.of(first439Blocks.get(1).raw())));
        Path file = write(dir.resolve("blk00000.dat"), bytes);

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.hashes()).hasSize(2);
        assertThat(read.problems()).extracting(BlockProblem::message).containsExactly(
                "blk00000.dat offset 293: wrong magic 0x00000000 (expected 0xf9beb4d9 for main);"
                        + " skipped 100 bytes to the next magic at offset 393");
    }

    @Test
    void trailingBytesThatAreNotZeroAreAProblem() throws IOException {
        Path file = write(dir.resolve("blk00000.dat"), concat(first439, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 7}));

        Entries read = Entries.read(Network.MAIN, file);

        assertThat(read.blocks()).hasSize(439);
        assertThat(read.problems()).extracting(BlockProblem::message).containsExactly(
                "blk00000.dat offset 99969: wrong magic 0x00000000 (expected 0xf9beb4d9 for main);"
                        + " no further main magic in the file");
    }

    @Test
    void mainnetFileReadAsRegtestGivesProblemsNotACrash() throws IOException {
        BlockFileReader reader = new BlockFileReader(Network.REGTEST);
        Entries read = Entries.read(reader, MainnetData.file("blocks-000000-000438.blk"),
                MainnetData.file("sample-blocks-2012-2019.blk"));

        assertThat(read.blocks()).isEmpty();
        assertThat(read.problems()).extracting(BlockProblem::message).containsExactly(
                "blocks-000000-000438.blk offset 0: wrong magic 0xf9beb4d9 (expected 0xfabfb5da for regtest);"
                        + " no further regtest magic in the file",
                "sample-blocks-2012-2019.blk offset 0: wrong magic 0xf9beb4d9 (expected 0xfabfb5da for regtest);"
                        + " no further regtest magic in the file");
        assertThat(reader.counters().problems()).isEqualTo(2);
    }

    @Test
    void missingPathIsAClearError() {
        Path missing = dir.resolve("no-such-blocks");
        assertThatThrownBy(() -> Entries.read(Network.MAIN, missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void directoryWithoutBlockFilesIsAClearError() throws IOException {
        write(dir.resolve("xor.dat"), new byte[8]);
        assertThatThrownBy(() -> Entries.read(Network.MAIN, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no blk*.dat");
    }

    @Test
    void noPathsIsAClearError() {
        assertThatThrownBy(() -> new BlockFileReader(Network.MAIN).read(List.of(), e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no block file paths given");
    }

    @Test
    void emptyFileHasNoBlocks() throws IOException {
        Path file = write(dir.resolve("blk00000.dat"), new byte[0]);
        Entries read = Entries.read(Network.MAIN, file);
        assertThat(read.blocks()).isEmpty();
        assertThat(read.problems()).isEmpty();
    }
}
