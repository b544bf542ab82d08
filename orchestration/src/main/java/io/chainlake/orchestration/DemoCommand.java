package io.chainlake.orchestration;

import io.chainlake.ads.AddressLabelSeeder;
import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dws.pools.PoolRegistry;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.BlockLoader;
import io.chainlake.ods.load.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = "Fresh warehouse from the bundled real mainnet blocks: load, build, report (demo-report.html).")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "demo-report.html", description = "HTML report to write.")
    Path report;

    @Override
    public Integer call() throws Exception {
        ChainlakeConfig config = cli.warehouse == null
                ? cli.config().with(ChainlakeConfig.WAREHOUSE, "./demo-warehouse")
                : cli.config();
        FreshWarehouse.recreate(config.warehouse());
        BundledData data = BundledData.locate();
        System.out.println("chainlake demo: warehouse " + config.warehouse());

        MysqlStore mysql = new MysqlStore(config);
        Optional<String> unavailable = mysql.unavailableReason();
        if (unavailable.isEmpty()) {
            int labels = new AddressLabelSeeder(mysql).seedPoolAddresses(PoolRegistry.bundled());
            System.out.println("seeded " + labels + " mining-pool payout address labels into MySQL "
                    + mysql.database() + ".address_label");
        } else {
            System.out.println("MySQL at " + mysql.serverUrl() + " cannot be reached (" + unavailable.get()
                    + "): going on without address labels");
        }

        long start = System.nanoTime();
        try (WarehouseSession session = WarehouseSession.batch(config)) {
            LoadResult load = new BlockLoader(session, Network.MAIN, System.err::println,
                    line -> System.err.println("reject: " + line))
                    .load(data.blockFiles(), List.of(data.prevouts()), data.heights());
            System.out.printf("loaded %d real mainnet blocks (%d rejected)%n", load.blocksAdded(), load.rejected());
            BatchBuild.run(session, System.out::println);
            DemoReport demo = DemoReport.collect(session);
            demo.printSummary(System.out);
            Files.writeString(report, demo.html());
        }
        System.out.printf("report written to %s (%.0f s in all)%n", report.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        System.out.println("query it: ./chainlake --warehouse " + config.get(ChainlakeConfig.WAREHOUSE)
                + " query \"SELECT height, txs, totalfee, pool_name FROM dws.btc_block_stats ORDER BY height DESC LIMIT 5\"");
        return 0;
    }
}
