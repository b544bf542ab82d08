package io.chainlake.orchestration;

import io.chainlake.catalog.ChainlakeConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./chainlake}: loads, the batch build, queries, the demo and benchmarks over one warehouse. */
@Command(
        name = "chainlake",
        mixinStandardHelpOptions = true,
        // every subcommand takes -h/--help too (picocli otherwise knows --help only before the command name)
        scope = CommandLine.ScopeType.INHERIT,
        version = "chainlake 0.1.0",
        description = "Stream + batch lakehouse warehouse for Bitcoin chain data (Flink + Paimon).",
        subcommands = {
            LoadBlocksCommand.class,
            LoadSharesCommand.class,
            SimulatePoolCommand.class,
            BuildCommand.class,
            QueryCommand.class,
            TablesCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            QualityCommand.class,
            KafkaCommand.class,
            ReplayCommand.class,
            GenerateChainCommand.class,
            StreamCommand.class,
            StatusCommand.class
        })
public final class ChainlakeCli {

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Warehouse directory (default ./warehouse).")
    Path warehouse;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: catalog.type, catalog.hive.uri, mysql.url, kafka.bootstrap-servers, ...")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key, e.g. --set address-rank.top-n=10")
    Map<String, String> settings = new LinkedHashMap<>();

    ChainlakeConfig config() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (warehouse != null) {
            overrides.put(ChainlakeConfig.WAREHOUSE, warehouse.toString());
        }
        return ChainlakeConfig.load(configFile, overrides);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI; errors become one line on stderr and a non-zero exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ChainlakeCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ErrorMessages.oneLine(e));
            if (System.getenv("CHAINLAKE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }
}
