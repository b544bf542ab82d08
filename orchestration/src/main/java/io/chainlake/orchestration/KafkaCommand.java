package io.chainlake.orchestration;

import io.chainlake.orchestration.kafka.BootstrapServers;
import io.chainlake.orchestration.kafka.BrokerProcess;
import io.chainlake.orchestration.kafka.BrokerState;
import io.chainlake.orchestration.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kafka",
        mixinStandardHelpOptions = true,
        description = {
            "A single-node Apache Kafka broker (KRaft mode, broker and controller in one JVM) run from chainlake's own "
                    + "classpath, for replay and the streaming pipeline. It listens on 127.0.0.1 only.",
            "Its data (data/), output (broker.log) and state file (broker.state) live in --dir, by default the work "
                    + "directory's kafka folder: ./work/kafka under the current directory."},
        subcommands = {KafkaCommand.Start.class, KafkaCommand.Stop.class, KafkaCommand.Status.class})
final class KafkaCommand {

    /** Exit code of {@code status} when no broker answers (as an LSB init script's "not running"). */
    static final int NOT_RUNNING = 3;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    static final class BrokerOptions {
        @Option(names = "--dir", paramLabel = "DIR",
                description = "Broker directory (default ./work/kafka).")
        Path dir;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
                description = "Use this existing Kafka cluster instead of a broker started here.")
        String bootstrapServers;

        BrokerProcess broker() {
            return new BrokerProcess(dir == null ? BrokerProcess.DEFAULT_DIR : dir);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the broker in the background (unless it runs) and print its bootstrap address once "
                    + "it answers.")
    static final class Start implements Callable<Integer> {
        @Mixin
        BrokerOptions options;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
                description = "Client port on 127.0.0.1 (default 9092, the default kafka.bootstrap-servers; 0 picks a "
                        + "free port).")
        int port;

        @Override
        public Integer call() throws Exception {
            if (options.bootstrapServers != null) {
                requireReachable(options.bootstrapServers);
                System.out.println(options.bootstrapServers);
                return 0;
            }
            BrokerProcess broker = options.broker();
            Optional<BrokerState> before = broker.running();
            BrokerState state = broker.start(port, START_TIMEOUT);
            System.err.println((before.isPresent() ? "kafka broker already running" : "kafka broker started")
                    + " (pid " + state.pid() + ", data " + broker.dir() + ", log " + broker.logFile() + ")");
            System.out.println(state.bootstrapServers());
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the broker: a controlled shutdown, then a kill after 30 s.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        BrokerOptions options;

        @Override
        public Integer call() throws Exception {
            if (options.bootstrapServers != null) {
                throw new IllegalArgumentException("kafka stop stops only a broker started by kafka start, not the "
                        + "cluster at " + options.bootstrapServers);
            }
            Optional<BrokerState> stopped = options.broker().stop(STOP_GRACE);
            System.out.println(stopped
                    .map(s -> "stopped kafka broker at " + s.bootstrapServers() + " (pid " + s.pid() + ")")
                    .orElse("not running"));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print whether the broker runs and its address; exit code 0 when it answers, 3 when not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        BrokerOptions options;

        @Override
        public Integer call() {
            if (options.bootstrapServers != null) {
                boolean up = KafkaCluster.isReachable(options.bootstrapServers, PING_TIMEOUT);
                System.out.println((up ? "running at " : "not running: no answer from ") + options.bootstrapServers);
                return up ? 0 : NOT_RUNNING;
            }
            BrokerProcess broker = options.broker();
            Optional<BrokerState> state = broker.running();
            if (state.isEmpty()) {
                System.out.println("not running");
                return NOT_RUNNING;
            }
            BrokerState s = state.get();
            if (!KafkaCluster.isReachable(s.bootstrapServers(), PING_TIMEOUT)) {
                System.out.println("not running: pid " + s.pid() + " does not answer at " + s.bootstrapServers()
                        + " (see " + broker.logFile() + ")");
                return NOT_RUNNING;
            }
            System.out.println("running at " + s.bootstrapServers() + " (pid " + s.pid() + ", since "
                    + s.startedAt() + ")");
            return 0;
        }
    }

    private static void requireReachable(String bootstrapServers) {
        if (!KafkaCluster.isReachable(bootstrapServers, PING_TIMEOUT)) {
            throw new IllegalStateException("no Kafka broker answers at " + bootstrapServers);
        }
    }

    /** The cluster replay and streaming commands use (see {@link BootstrapServers}). */
    static String bootstrapServers(String flag, ChainlakeCli cli) {
        return BootstrapServers.resolve(flag, cli.config(), new BrokerProcess(BrokerProcess.DEFAULT_DIR));
    }
}
