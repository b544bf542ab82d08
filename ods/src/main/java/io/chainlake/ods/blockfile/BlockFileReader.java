package io.chainlake.ods.blockfile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads Bitcoin Core block files ({@code blk*.dat}): records of 4 magic bytes, a 4-byte little-endian length and
 * a serialized block. Blocks are reported one at a time in file order, whatever their heights; a file's blocks
 * are never held together in memory.
 *
 * <p>What it copes with:
 * <ul>
 *   <li>XOR obfuscation (Bitcoin Core 28+), keyed by {@code xor.dat} beside the file;</li>
 *   <li>the zero-filled preallocated tail of a file: zeros where a magic is expected, up to the end of the
 *       file, end the file silently;</li>
 *   <li>bad bytes: a wrong magic, a length of 0 or above {@link #MAX_BLOCK_LENGTH}, a length past the end of the
 *       file, bytes that do not decode as a block, or a header that fails proof of work (a corrupted header would
 *       otherwise be loaded under a hash no node knows) each become one {@link BlockProblem}, and reading goes on
 *       with the next record - after the given length when a record boundary follows it, otherwise at the next
 *       occurrence of the network magic.</li>
 * </ul>
 *
 * <p>Not thread-safe: one reader per thread. {@link #counters()} may be called from any thread.
 */
public final class BlockFileReader {

    /** Largest length accepted: the 4,000,000 weight-unit limit is also a byte limit, plus slack. */
    public static final int MAX_BLOCK_LENGTH = 4_000_000 + 1_000;

    private static final int RECORD_HEADER_BYTES = 8;

    private final Network network;
    private final byte[] magic;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong problems = new AtomicLong();

    public BlockFileReader(Network network) {
        this.network = network;
        this.magic = network.magicBytes();
    }

    public Network network() {
        return network;
    }

    /**
     * The block files that paths stand for: a directory means every {@code blk*.dat} in it, sorted by name; a
     * regular file means itself, whatever its name.
     *
     * @throws NoSuchFileException      when a path does not exist
     * @throws AccessDeniedException    when a path is not readable
     * @throws IllegalArgumentException when no paths are given, a directory holds no {@code blk*.dat}, or a path
     *                                  is neither a regular file nor a directory
     */
    public static List<Path> blockFiles(List<Path> paths) throws IOException {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("no block file paths given");
        }
        List<Path> result = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such block file or directory");
            }
            if (!Files.isReadable(path)) {
                throw new AccessDeniedException(path.toString(), null, "block file or directory is not readable");
            }
            if (Files.isDirectory(path)) {
                List<Path> found = blkFilesIn(path);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException(path + ": directory holds no blk*.dat block files (a directory is"
                            + " read as Bitcoin Core's blocks directory; name other block files one by one, e.g. "
                            + path.resolve("*.blk") + ")");
                }
                result.addAll(found);
            } else if (Files.isRegularFile(path)) {
                result.add(path);
            } else {
                throw new IllegalArgumentException(path + ": neither a regular file nor a directory");
            }
        }
        return result;
    }

    private static List<Path> blkFilesIn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("blk") && name.endsWith(".dat") && Files.isRegularFile(p);
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Reads every block file that the paths stand for (see {@link #blockFiles}), in order, reporting each block
     * and each problem to the consumer as it is found. All paths are checked before anything is read.
     */
    public void read(List<Path> paths, Consumer<? super BlockFileEntry> consumer) throws IOException {
        for (Path file : blockFiles(paths)) {
            readFile(file, consumer);
        }
    }

    /** Reads one block file, whatever its name, reporting each block and each problem to the consumer. */
    public void readFile(Path file, Consumer<? super BlockFileEntry> consumer) throws IOException {
        XorKey key = XorKey.forBlockFile(file);
        files.incrementAndGet();
        try (BlockFileInput in = BlockFileInput.open(file, key)) {
            new FileScan(file, in, consumer).run();
            bytesRead.addAndGet(in.takeBytesFromDisk());
        }
    }

    /** A snapshot of the totals so far. */
    public ReaderCounters counters() {
        return new ReaderCounters(files.get(), blocks.get(), transactions.get(), bytesRead.get(), problems.get());
    }

    /** The walk through one file, record by record. */
    private final class FileScan {
        private final Path file;
        private final BlockFileInput in;
        private final Consumer<? super BlockFileEntry> consumer;
        private final long size;

        FileScan(Path file, BlockFileInput in, Consumer<? super BlockFileEntry> consumer) {
            this.file = file;
            this.in = in;
            this.consumer = consumer;
            this.size = in.size();
        }

        void run() throws IOException {
            long pos = 0;
            while (pos >= 0 && pos < size) {
                pos = readRecord(pos);
                bytesRead.addAndGet(in.takeBytesFromDisk());
            }
        }

        /** Reads the record at {@code pos}; returns where the next one starts, or -1 when the file is done. */
        private long readRecord(long pos) throws IOException {
            long left = size - pos;
            if (left < RECORD_HEADER_BYTES) {
                if (!in.isZeroTail(pos)) {
                    problem(pos, "block header past end of file (" + left + " bytes left)");
                }
                return -1;
            }
            int found = in.readIntBigEndian(pos);
            if (found != network.magic()) {
                if (in.isZeroTail(pos)) {
                    return -1;
                }
                return problemThenResync(pos, String.format(
                        "wrong magic 0x%08x (expected 0x%s for %s)", found, network.magicHex(), network.cliName()));
            }
            long length = in.readUint32LittleEndian(pos + 4);
            if (length == 0 || length > MAX_BLOCK_LENGTH) {
                return problemThenResync(pos, String.format(
                        "block length 0x%08x (%d bytes, allowed 1..%d)", length, length, MAX_BLOCK_LENGTH));
            }
            long bytesLeft = left - RECORD_HEADER_BYTES;
            if (length > bytesLeft) {
                String reason = "block length " + length + " past end of file (" + bytesLeft + " bytes left)";
                long next = in.indexOf(magic, pos + 1);
                problem(pos, next < 0 ? reason : reason + resumed(pos, next));
                return next;
            }
            byte[] raw = new byte[(int) length];
            in.readFully(pos + RECORD_HEADER_BYTES, raw);
            long end = pos + RECORD_HEADER_BYTES + length;
            BlockHeaderInfo header = null;
            String reason;
            try {
                header = BlockDecoder.decode(raw);
                reason = ProofOfWork.problem(header, network);
            } catch (UndecodableBlockException e) {
                reason = "undecodable block: " + e.getMessage();
            }
            if (reason != null) {
                if (isRecordBoundary(end)) {
                    problem(pos, reason);
                    return end;
                }
                return problemThenResync(pos, reason);
            }
            blocks.incrementAndGet();
            transactions.addAndGet(header.txCount());
            consumer.accept(new FoundBlock(file, pos, raw, header));
            return end;
        }

        /** True when a record can end at {@code pos}: end of file, the zero tail, or the next magic. */
        private boolean isRecordBoundary(long pos) throws IOException {
            return pos == size
                    || (size - pos >= magic.length && in.readIntBigEndian(pos) == network.magic())
                    || in.isZeroTail(pos);
        }

        /** Reports a problem at {@code pos} and returns the next magic after it, or -1. */
        private long problemThenResync(long pos, String reason) throws IOException {
            long next = in.indexOf(magic, pos + 1);
            problem(pos, reason + (next < 0 ? "; no further " + network.cliName() + " magic in the file" : resumed(pos, next)));
            return next;
        }

        private String resumed(long pos, long next) {
            return "; skipped " + (next - pos) + " bytes to the next magic at offset " + next;
        }

        private void problem(long pos, String reason) {
            problems.incrementAndGet();
            consumer.accept(new BlockProblem(file, pos, reason));
        }
    }
}
