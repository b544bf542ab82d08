package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.load.ShareLoadResult;
import io.chainlake.ods.load.ShareLoader;
import io.chainlake.ods.pool.ShareEncoding;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "load-shares",
        description = "Load mining-pool share logs (btcpool share messages: JSON lines, btcpool's own sharelog*.bin "
                + "files, or varint-delimited protobuf; gzip-compressed too) "
                + "into ODS; bad messages go to ods.pool_share_reject with one stderr line each.")
final class LoadSharesCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Share-log files.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "json|protobuf",
            description = "Encoding of the files (default: by file name .jsonl/.json or .pb/.protobuf/.bin, a .gz "
                    + "suffix looked through, else by the first byte). The framing of protobuf files (btcpool's "
                    + "uint32 length or a varint) is read from their first four bytes.")
    String format;

    @Override
    public Integer call() throws Exception {
        ShareEncoding encoding = format == null ? null : ShareEncoding.fromCliName(format);
        try (WarehouseSession session = WarehouseSession.batch(cli.config())) {
            ShareLoadResult r = new ShareLoader(session, line -> System.err.println("reject: " + line))
                    .load(files, encoding);
            System.out.printf("loaded %d new share messages (%d read, %d already loaded, %d rejected) as %s%n",
                    r.added(), r.messages(), r.alreadyLoaded(), r.rejected(), r.loadId());
            return 0;
        }
    }
}
