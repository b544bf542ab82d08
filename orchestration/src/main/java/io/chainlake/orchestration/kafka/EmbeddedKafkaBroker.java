package io.chainlake.orchestration.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Apache Kafka broker in KRaft mode, run from the {@code kafka_2.13} artifact inside this JVM: one
 * process that is both broker and controller (node 1), listening on 127.0.0.1 only.
 *
 * <p>{@link #start} formats the data directory the first time (a random cluster id, as {@code kafka-storage.sh
 * format} does) and reuses it afterwards, so topics survive a restart. Settings are those of a one-broker
 * development cluster: replication factor 1 for the internal topics, {@code min.insync.replicas=1}, no automatic
 * topic creation, messages up to {@link ChainTopics#MAX_MESSAGE_BYTES} (a block is at most 4 MB) and small
 * thread pools and buffers.
 *
 * <p>Used in-process by tests and by {@link KafkaBrokerMain}, the background process of {@code ./chainlake kafka
 * start}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String bootstrapServers;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, String bootstrapServers) {
        this.server = server;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port with its log directory in {@code dataDir} (created when missing). */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts a broker whose clients connect to 127.0.0.1:{@code port} (0: a free port) and whose log directory is
     * {@code dataDir}; returns once it accepts clients.
     *
     * @throws IllegalStateException when the port is taken or the broker does not start
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        int brokerPort = port == 0 ? freePort() : requireFree(port);
        int controllerPort = freePort();
        Properties props = brokerProperties(dir, brokerPort, controllerPort);
        KafkaConfig config = KafkaConfig.fromProps(props);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(config, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new IllegalStateException("Kafka broker in " + dir + " did not start: " + e.getMessage(), e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dir, HOST + ":" + brokerPort);
        if (!KafkaCluster.isReachable(broker.bootstrapServers, Duration.ofSeconds(60))) {
            broker.close();
            throw new IllegalStateException("Kafka broker in " + dir + " did not answer within 60 s");
        }
        return broker;
    }

    static Properties brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", String.valueOf(ChainTopics.MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", String.valueOf(ChainTopics.MAX_MESSAGE_BYTES));
        // a development broker on a shared machine: few threads, small cleaner buffer
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 << 20));
        return p;
    }

    /** Writes meta.properties and the bootstrap metadata, as {@code kafka-storage.sh format -t <random id>}. */
    private static void format(KafkaConfig config, Path dir) throws IOException {
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dir.toString());
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IOException("cannot format the Kafka data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The log directory: topics, the metadata log and meta.properties. */
    public Path dataDir() {
        return dataDir;
    }

    /** Creates topics that do not exist yet (see {@link KafkaCluster#createMissingTopics}). */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = KafkaCluster.admin(bootstrapServers)) {
            KafkaCluster.createMissingTopics(admin, topics);
        }
    }

    /** Creates the given topics with one partition each, when missing. */
    public void createTopics(String... names) {
        createTopics(Arrays.stream(names).map(n -> new NewTopic(n, 1, (short) 1)).toList());
    }

    /** Stops the broker (controlled shutdown) and waits until it has; keeps the data directory. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            shutdownQuietly(server);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            // stopping anyway; nothing left to release
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + HOST + ":" + port + " is in use (" + e.getMessage()
                    + "); choose another with --port, or --port 0 for a free one", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers + ", " + dataDir + "]";
    }
}
