package io.chainlake.orchestration.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The background broker process of {@code ./chainlake kafka start}: {@code KafkaBrokerMain DIR PORT} runs an
 * {@link EmbeddedKafkaBroker} with its log directory in {@code DIR/data} on 127.0.0.1:{@code PORT} (0: a free
 * port), writes {@code DIR/broker.state} once the broker answers, and on SIGTERM shuts the broker down and removes
 * the state file. Exits 1 when the broker does not start.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain DIR PORT");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int port = Integer.parseInt(args[1]);
        Path stateFile = BrokerState.file(dir);
        EmbeddedKafkaBroker broker;
        BrokerState state;
        try {
            broker = EmbeddedKafkaBroker.start(BrokerProcess.dataDir(dir), port);
            state = new BrokerState(ProcessHandle.current().pid(), broker.bootstrapServers(), Instant.now());
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.err.println("kafka broker did not start: " + e.getMessage()); // last line: kafka start shows it
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(Instant.now() + " kafka broker at " + state.bootstrapServers() + " stopping");
            broker.close();
            try {
                if (BrokerState.read(stateFile).filter(s -> s.pid() == state.pid()).isPresent()) {
                    Files.deleteIfExists(stateFile);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("cannot remove " + stateFile + ": " + e.getMessage());
            }
            System.out.println(Instant.now() + " kafka broker stopped");
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        try {
            state.write(stateFile);
        } catch (IOException e) {
            System.err.println("cannot write " + stateFile + ": " + e.getMessage());
            System.exit(1);
        }
        System.out.println(state.startedAt() + " kafka broker running at " + state.bootstrapServers() + " (pid "
                + state.pid() + ", data " + broker.dataDir() + ")");
        stopped.await();
    }
}
