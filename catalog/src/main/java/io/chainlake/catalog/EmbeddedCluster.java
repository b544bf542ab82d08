package io.chainlake.catalog;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One Flink MiniCluster for a whole CLI command or test: jobs are submitted to it over its REST endpoint, so a
 * build's dozen jobs share one cluster instead of starting one each, and query results are fetched from a cluster
 * that is still running.
 */
final class EmbeddedCluster implements AutoCloseable {

    private final MiniCluster cluster;
    private final URI restAddress;

    EmbeddedCluster(Configuration conf, int parallelism) throws Exception {
        Configuration c = new Configuration(conf);
        c.set(RestOptions.BIND_PORT, "0");
        c.set(RestOptions.ADDRESS, "127.0.0.1");
        c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        int slots = Math.max(4, parallelism * 4);
        c.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        this.cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(c)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        this.restAddress = cluster.getRestAddress().get();
    }

    StreamExecutionEnvironment environment(Configuration conf) {
        return StreamExecutionEnvironment.createRemoteEnvironment(restAddress.getHost(), restAddress.getPort(), conf);
    }

    URI restAddress() {
        return restAddress;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
