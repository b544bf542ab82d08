package io.chainlake.ods.load;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.PaimonBatchWriter;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareLogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.flink.types.Row;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;

/**
 * Loads share logs (JSON lines or framed protobuf, btcpool's own share-log files included, see
 * {@link ShareLogReader}) into ODS: every message as
 * received into ods.pool_share_raw, keyed by file and position; each message is also decoded with the codec DWD
 * uses, and the ones it refuses go to ods.pool_share_reject with the reason and one stderr line naming file and
 * position. Reloading a file adds nothing: positions already in the warehouse are kept as first loaded.
 */
public final class ShareLoader {

    public static final String SOURCE_FILE = "file";

    private final WarehouseSession session;
    private final Consumer<String> problems;

    public ShareLoader(WarehouseSession session, Consumer<String> problems) {
        this.session = session;
        this.problems = problems;
    }

    /**
     * @param encoding the files' encoding, or null to detect it per file
     */
    public ShareLoadResult load(List<Path> paths, ShareEncoding encoding) throws Exception {
        List<Path> files = paths.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new IllegalArgumentException(f + ": is a directory; give share-log files");
            }
            if (!Files.isReadable(f)) {
                throw new IllegalArgumentException(f + ": no such share-log file, or it is not readable");
            }
        }
        session.createTables(Layer.ODS);
        String loadId = "shares-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Timestamp receivedAt = Timestamp.fromEpochMillis(System.currentTimeMillis());
        Set<String> loaded = loadedPositions(files);
        long[] counts = new long[3]; // messages, added, already loaded
        List<GenericRow> rejects = new ArrayList<>();
        try (PaimonBatchWriter raw = PaimonBatchWriter.append(session, "ods.pool_share_raw")) {
            for (Path file : files) {
                ShareEncoding fileEncoding = encoding != null ? encoding : ShareLogReader.detect(file);
                BinaryString source = BinaryString.fromString(file.toString());
                ShareLogReader.read(file, fileEncoding, r -> {
                    String reason = r.isFramed() ? r.encoding().problem(r.payload()) : r.framingProblem();
                    if (r.isFramed()) {
                        counts[0]++;
                        if (loaded.contains(file + "@" + r.position())) {
                            counts[2]++;
                        } else {
                            counts[1]++;
                            raw.write(GenericRow.of(BinaryString.fromString(SOURCE_FILE), source, 0, r.position(),
                                    BinaryString.fromString(r.encoding().cliName()), r.payload(),
                                    BinaryString.fromString(loadId), receivedAt));
                        }
                    }
                    if (reason != null) {
                        problems.accept(file.getFileName() + " " + (r.encoding() == ShareEncoding.JSON ? "line "
                                : "record ") + r.position() + ": " + reason);
                        rejects.add(GenericRow.of(BinaryString.fromString(SOURCE_FILE), source, 0, r.position(),
                                BinaryString.fromString(r.encoding().cliName()), BinaryString.fromString(reason),
                                r.payload(), BinaryString.fromString(loadId), receivedAt));
                    }
                });
            }
            raw.commit();
        }
        if (!rejects.isEmpty()) {
            try (PaimonBatchWriter w = PaimonBatchWriter.append(session, "ods.pool_share_reject")) {
                rejects.forEach(w::write);
                w.commit();
            }
        }
        if (counts[0] == 0) {
            throw new IllegalArgumentException("no share message found in " + files
                    + (rejects.isEmpty() ? "" : " (" + rejects.size() + " bad records, see ods.pool_share_reject)"));
        }
        return new ShareLoadResult(loadId, counts[0], counts[1], counts[2], rejects.size());
    }

    private Set<String> loadedPositions(List<Path> files) {
        String names = files.stream().map(f -> "'" + f.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        Set<String> positions = new HashSet<>();
        for (Row r : session.query("SELECT source_name, source_offset FROM ods.pool_share_raw WHERE source_name IN ("
                + names + ")")) {
            positions.add(r.getField(0) + "@" + r.getField(1));
        }
        return positions;
    }
}
