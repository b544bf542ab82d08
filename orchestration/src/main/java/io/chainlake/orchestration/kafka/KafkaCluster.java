package io.chainlake.orchestration.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What chainlake asks of a Kafka cluster by its bootstrap address: does it answer, and topics it needs. */
public final class KafkaCluster {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private KafkaCluster() {
    }

    /** An admin client for {@code bootstrapServers} with short timeouts (a local cluster answers quickly). */
    public static Admin admin(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return Admin.create(p);
    }

    /**
     * A producer of chain records: string keys, byte-array values, idempotent ({@code enable.idempotence=true},
     * {@code acks=all}) so a retried send is never written twice and order within a partition is kept; requests up
     * to {@link ChainTopics#MAX_MESSAGE_BYTES}.
     */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ChainTopics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** How long the commands that publish or consume wait for a broker before they give up. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    /**
     * Returns once a broker at {@code bootstrapServers} answers, trying for {@link #PATIENCE}: one request may not
     * be enough for a broker started a moment ago or a machine under load. Says on stderr that it waits when the
     * first request goes unanswered.
     *
     * @throws IllegalStateException naming the address and how to start a broker, when none answered
     */
    public static void requireReachable(String bootstrapServers) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean first = true;
        while (!isReachable(bootstrapServers, Duration.ofSeconds(5))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no Kafka broker answers at " + bootstrapServers + " (waited "
                        + PATIENCE.toSeconds() + " s); start one with './chainlake kafka start' or give "
                        + "--bootstrap-servers");
            }
            if (first) {
                System.err.println("waiting for a Kafka broker at " + bootstrapServers + " (up to "
                        + PATIENCE.toSeconds() + " s)");
                first = false;
            }
        }
    }

    /** True when a broker at {@code bootstrapServers} answers {@code describeCluster} within {@code timeout}. */
    public static boolean isReachable(String bootstrapServers, Duration timeout) {
        Admin admin = admin(bootstrapServers);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            admin.close(Duration.ZERO); // no waiting for the retries of a call that gave up
        }
    }

    /**
     * Creates those of {@code topics} that do not exist yet; existing topics are left as they are.
     *
     * @throws IllegalStateException naming the cluster when it does not answer or refuses a topic
     */
    public static void createMissingTopics(Admin admin, Collection<NewTopic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
                try {
                    r.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + r.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka cluster does not answer: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
