package io.chainlake.ods.load;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.PaimonBatchWriter;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.BlockHeaderInfo;
import io.chainlake.ods.blockfile.BlockProblem;
import io.chainlake.ods.blockfile.FoundBlock;
import io.chainlake.ods.blockfile.HeightsFile;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.blockfile.PrevoutFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.flink.types.Row;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;
import org.apache.paimon.types.RowKind;

/**
 * Loads Bitcoin Core block files into ODS. Two passes over the files: the first reads every header and decides,
 * with the headers already in the warehouse, which blocks are new and which have a known height (parent link,
 * genesis, --heights file, BIP34 coinbase height); the second writes the new blocks' raw bytes. Bad records and
 * blocks of unknown height become rows of ods.btc_block_reject and one stderr line each; loading goes on.
 * Reloading the same files adds nothing: blocks are keyed by hash and known hashes are skipped.
 */
public final class BlockLoader {

    private static final String GENESIS_PARENT = "0".repeat(64);

    private final WarehouseSession session;
    private final Network network;
    private final Consumer<String> progress;
    private final Consumer<String> problems;

    public BlockLoader(WarehouseSession session, Network network, Consumer<String> progress,
            Consumer<String> problems) {
        this.session = session;
        this.network = network;
        this.progress = progress;
        this.problems = problems;
    }

    public LoadResult load(List<Path> paths, List<Path> prevoutFiles, Path heightsFile) throws Exception {
        List<Path> files = BlockFileReader.blockFiles(paths).stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
        requireReadable(heightsFile, "heights");
        for (Path prevouts : prevoutFiles) {
            requireReadable(prevouts, "prevouts");
        }
        Map<String, Integer> heights = heightsFile == null ? Map.of() : HeightsFile.read(heightsFile);
        session.createTables(Layer.ODS);
        String loadId = "load-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Timestamp loadedAt = Timestamp.fromEpochMillis(System.currentTimeMillis());
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(f);
        }

        // pass 1: headers and problems
        Map<String, Row> known = warehouseHeaders();
        Set<String> rejectedBefore = rejectedPositions();
        Map<String, BlockHeaderInfo> found = new LinkedHashMap<>();
        Map<String, String> firstPosition = new HashMap<>();
        List<BlockProblem> badRecords = new ArrayList<>();
        long[] blocksFound = {0};
        BlockFileReader scan = new BlockFileReader(network);
        LoadProgress scanProgress = new LoadProgress("scan", totalBytes, progress);
        for (Path file : files) {
            scan.readFile(file, entry -> {
                if (entry instanceof FoundBlock b) {
                    blocksFound[0]++;
                    found.putIfAbsent(b.header().blockHash(), b.header());
                    firstPosition.putIfAbsent(b.header().blockHash(), position(b.file(), b.offset()));
                    scanProgress.update(blocksFound[0], scan.counters().transactions(), scan.counters().bytesRead());
                } else if (entry instanceof BlockProblem p) {
                    badRecords.add(p);
                }
            });
        }
        Map<String, Integer> hints = new HashMap<>();
        Map<String, String> hintSources = new HashMap<>();
        found.forEach((hash, h) -> {
            if (heights.containsKey(hash)) {
                hints.put(hash, heights.get(hash));
                hintSources.put(hash, "heights_file");
            } else if (h.bip34Height() != null) {
                hints.put(hash, h.bip34Height());
                hintSources.put(hash, "bip34");
            }
        });
        Set<String> placeable = placeable(found, known, hints);

        // pass 2: write new blocks and rejects
        List<GenericRow> rejects = new ArrayList<>();
        for (BlockProblem p : badRecords) {
            problems.accept(p.message());
            rejects.add(reject(p.file(), p.offset(), p.reason(), null, loadId, loadedAt));
        }
        Set<String> written = new HashSet<>();
        List<GenericRow> resolvedRejects = new ArrayList<>();
        long[] added = {0};
        long[] duplicates = {0};
        BlockFileReader reader = new BlockFileReader(network);
        LoadProgress writeProgress = new LoadProgress("load", totalBytes, progress);
        try (PaimonBatchWriter blocks = PaimonBatchWriter.append(session, "ods.btc_block_raw")) {
            for (Path file : files) {
                reader.readFile(file, entry -> {
                    if (!(entry instanceof FoundBlock b)) {
                        return;
                    }
                    BlockHeaderInfo h = b.header();
                    String hash = h.blockHash();
                    String position = position(b.file(), b.offset());
                    boolean first = position.equals(firstPosition.get(hash));
                    if (known.containsKey(hash) || !first || written.contains(hash)) {
                        duplicates[0]++;
                        resolved(position, rejectedBefore, resolvedRejects);
                    } else if (!placeable.contains(hash)) {
                        String reason = "block " + hash + " has no known height: parent " + h.prevBlockHash()
                                + " is not loaded, the coinbase carries no BIP34 height (version " + h.version()
                                + ") and --heights does not list it";
                        problems.accept(b.file().getFileName() + " offset " + b.offset() + ": " + reason);
                        rejects.add(reject(b.file(), b.offset(), reason, hash, loadId, loadedAt));
                    } else {
                        written.add(hash);
                        added[0]++;
                        resolved(position, rejectedBefore, resolvedRejects);
                        blocks.write(blockRow(b, hints.get(hash), hintSources.get(hash), loadId, loadedAt));
                    }
                    writeProgress.update(added[0], reader.counters().transactions(), reader.counters().bytesRead());
                });
            }
            blocks.commit();
        }
        writeProgress.finish(added[0], reader.counters().transactions());
        if (!rejects.isEmpty() || !resolvedRejects.isEmpty()) {
            try (PaimonBatchWriter w = PaimonBatchWriter.append(session, "ods.btc_block_reject")) {
                resolvedRejects.forEach(w::write);
                rejects.forEach(w::write);
                w.commit();
            }
        }
        long prevouts = loadPrevouts(prevoutFiles, loadId, loadedAt);
        if (blocksFound[0] == 0) {
            throw new IllegalArgumentException("no block found in " + paths + " for network " + network.cliName()
                    + (badRecords.isEmpty() ? "" : " (" + badRecords.size() + " bad records, see ods.btc_block_reject)"));
        }
        return new LoadResult(loadId, blocksFound[0], added[0], duplicates[0], rejects.size(), prevouts);
    }

    /** Blocks whose height is known: genesis, a hint, or a parent (new or already loaded) with a known height. */
    private static Set<String> placeable(
            Map<String, BlockHeaderInfo> found, Map<String, Row> known, Map<String, Integer> hints) {
        Set<String> result = new HashSet<>();
        Map<String, List<String>> children = new HashMap<>();
        List<String> queue = new ArrayList<>();
        found.forEach((hash, h) -> {
            String parent = h.prevBlockHash();
            if (GENESIS_PARENT.equals(parent) || hints.containsKey(hash) || known.containsKey(parent)) {
                queue.add(hash);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(hash);
            }
        });
        while (!queue.isEmpty()) {
            String hash = queue.remove(queue.size() - 1);
            if (result.add(hash)) {
                queue.addAll(children.getOrDefault(hash, List.of()));
            }
        }
        return result;
    }

    /** A position rejected by an earlier load whose block now loads (a fixed file, a new --heights line). */
    private static void resolved(String position, Set<String> rejectedBefore, List<GenericRow> deletes) {
        if (rejectedBefore.contains(position)) {
            int at = position.lastIndexOf('@');
            GenericRow delete = GenericRow.ofKind(RowKind.DELETE, BinaryString.fromString(position.substring(0, at)),
                    Long.parseLong(position.substring(at + 1)), null, null, null, null, null);
            deletes.add(delete);
        }
    }

    private static void requireReadable(Path file, String what) {
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": " + what + " file does not exist or is not readable");
        }
    }

    private Set<String> rejectedPositions() {
        Set<String> positions = new HashSet<>();
        for (Row r : session.query("SELECT source_file, source_offset FROM ods.btc_block_reject")) {
            positions.add(r.getField(0) + "@" + r.getField(1));
        }
        return positions;
    }

    private Map<String, Row> warehouseHeaders() {
        Map<String, Row> known = new HashMap<>();
        for (Row r : session.query("SELECT block_hash FROM ods.btc_block_raw")) {
            known.put(r.getFieldAs(0), r);
        }
        return known;
    }

    private long loadPrevouts(List<Path> files, String loadId, Timestamp loadedAt) throws Exception {
        long[] rows = {0};
        for (Path file : files) {
            try (PaimonBatchWriter w = PaimonBatchWriter.append(session, "ods.btc_prevout")) {
                BinaryString source = BinaryString.fromString(file.toAbsolutePath().normalize().toString());
                PrevoutFile.forEach(file, p -> {
                    rows[0]++;
                    w.write(GenericRow.of(
                            BinaryString.fromString(p.txid()),
                            (long) p.vout(),
                            p.valueSat(),
                            BinaryString.fromString(p.scriptPubKeyHex()),
                            p.height(),
                            p.isCoinbase(),
                            source,
                            BinaryString.fromString(loadId),
                            loadedAt));
                });
                w.commit();
            }
        }
        return rows[0];
    }

    private GenericRow blockRow(FoundBlock b, Integer hint, String hintSource, String loadId, Timestamp loadedAt) {
        BlockHeaderInfo h = b.header();
        return GenericRow.of(
                BinaryString.fromString(h.blockHash()),
                BinaryString.fromString(h.prevBlockHash()),
                h.version(),
                BinaryString.fromString(h.merkleRoot()),
                Timestamp.fromEpochMillis(h.time() * 1000),
                h.bits(),
                h.nonce(),
                h.txCount(),
                h.size(),
                h.strippedSize(),
                h.weight(),
                hint,
                hintSource == null ? null : BinaryString.fromString(hintSource),
                b.raw(),
                BinaryString.fromString(network.cliName()),
                BinaryString.fromString(sourceFile(b.file())),
                b.offset(),
                BinaryString.fromString(loadId),
                loadedAt);
    }

    private GenericRow reject(Path file, long offset, String reason, String hash, String loadId, Timestamp at) {
        return GenericRow.of(
                BinaryString.fromString(sourceFile(file)),
                offset,
                BinaryString.fromString(reason),
                hash == null ? null : BinaryString.fromString(hash),
                BinaryString.fromString(network.cliName()),
                BinaryString.fromString(loadId),
                at);
    }

    private static String sourceFile(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String position(Path file, long offset) {
        return sourceFile(file) + "@" + offset;
    }
}
