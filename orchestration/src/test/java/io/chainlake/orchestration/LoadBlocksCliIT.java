package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chainlake load-blocks} as a user runs it: a bad path or option is one {@code error:} line and a non-zero
 * exit, a damaged file is loaded as far as it goes with one {@code reject:} line per bad record, and the summary
 * says how many blocks were added. The tests share one warehouse; their block files do not overlap.
 */
class LoadBlocksCliIT {

    @TempDir
    static Path dir;

    static String warehouse;

    @BeforeAll
    static void warehouse() {
        warehouse = dir.resolve("wh").toString();
    }

    static CliRun load(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--warehouse";
        all[1] = warehouse;
        all[2] = "load-blocks";
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    /** A failed command: nothing on stdout, exactly one {@code error:} line on stderr, returned. */
    static String singleError(CliRun r) {
        assertThat(r.exitCode()).as(r.err()).isNotZero();
        assertThat(r.out()).isEmpty();
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errors).as(r.err()).hasSize(1);
        return errors.get(0);
    }

    @Test
    void missingPathIsOneErrorNamingIt() {
        Path missing = dir.resolve("no-such-blocks");

        assertThat(singleError(load(missing.toString())))
                .isEqualTo("error: " + missing + ": no such block file or directory");
    }

    @Test
    void emptyFileIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.dat"));

        assertThat(singleError(load(empty.toString())))
                .startsWith("error: no block found in [" + empty + "] for network main");
    }

    @Test
    void directoryWithoutBlockFilesIsAnErrorNamingIt() throws Exception {
        Path blocks = Files.createDirectories(dir.resolve("not-blocks"));
        Files.write(blocks.resolve("xor.dat"), new byte[8]);
        Files.write(blocks.resolve("rev00000.dat"), new byte[] {1});

        assertThat(singleError(load(blocks.toString())))
                .isEqualTo("error: " + blocks + ": directory holds no blk*.dat block files (a directory is read as"
                        + " Bitcoin Core's blocks directory; name other block files one by one, e.g. "
                        + blocks.resolve("*.blk") + ")");
    }

    @Test
    void unknownNetworkListsTheValidNames() {
        String error = singleError(load(TestWarehouse.mainnetFile("block-277647.blk").toString(), "--network", "mainnet"));

        assertThat(error).isEqualTo("error: unknown network 'mainnet'; valid names: main, testnet3, testnet4, signet,"
                + " regtest (test and testnet mean testnet3)");
    }

    @Test
    void missingPrevoutsFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("no-such-prevouts.jsonl");

        assertThat(singleError(load(TestWarehouse.mainnetFile("block-277647.blk").toString(), "--prevouts",
                missing.toString()))).isEqualTo("error: " + missing + ": prevouts file does not exist or is not readable");
    }

    @Test
    void missingHeightsFileIsAnErrorNamingItAndWhatIsWrong() {
        Path missing = dir.resolve("no-such-heights.csv");

        // like --prevouts: the path, then what is wrong with it - not the bare path of a NoSuchFileException
        assertThat(singleError(load(TestWarehouse.mainnetFile("block-277647.blk").toString(), "--heights",
                missing.toString()))).startsWith("error: " + missing + ": ").contains("heights");
    }

    @Test
    void goodLoadSaysHowManyBlocksItAdded() {
        CliRun r = load(TestWarehouse.mainnetFile("block-277647.blk").toString(),
                "--prevouts", TestWarehouse.mainnetFile("block-277647.prevouts.jsonl").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        // data/README.md: one block, 732 prevouts
        assertThat(r.out()).startsWith("loaded 1 new blocks (1 found, 0 already loaded, 0 rejected, 732 prevouts) as load-");
        assertThat(r.err()).doesNotContain("error:").doesNotContain("reject:");
    }

    @Test
    void truncatedFileLoadsWhatPrecedesTheCutAndPrintsTheReject() throws Exception {
        byte[] chain = Files.readAllBytes(TestWarehouse.mainnetFile("blocks-000000-000438.blk"));
        int last = 0;
        for (int pos = 0; pos < chain.length; pos += 8 + length(chain, pos)) {
            last = pos;
        }
        int cutAt = last + 8 + length(chain, last) / 2;
        Path blocks = Files.createDirectories(dir.resolve("truncated"));
        Path file = Files.write(blocks.resolve("blk00000.dat"), Arrays.copyOf(chain, cutAt));

        CliRun r = load(blocks.toString());

        // loading goes on past a bad record: exit 0, the reject is on stderr and in ods.btc_block_reject
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("loaded 438 new blocks (438 found, 0 already loaded, 1 rejected, 0 prevouts)");
        String reason = "block length " + length(chain, last) + " past end of file (" + (cutAt - last - 8)
                + " bytes left)";
        assertThat(r.err().lines().filter(l -> l.startsWith("reject:")))
                .containsExactly("reject: blk00000.dat offset " + last + ": " + reason);
        CliRun q = CliRun.of("--warehouse", warehouse, "query",
                "SELECT source_offset, reason FROM ods.btc_block_reject WHERE source_file = '" + file + "'");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.lines()).containsExactly("source_offset,reason", last + "," + reason);
    }

    private static int length(byte[] file, int recordAt) {
        return ByteBuffer.wrap(file, recordAt + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
