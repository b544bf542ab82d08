package io.chainlake.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The one configuration of a warehouse: where it lives, which catalog serves it, which external systems it talks
 * to, and the thresholds report SQL uses. Built from defaults, then an optional properties file, then flags.
 * Every key is also a SQL placeholder: {@code large-tx.threshold-sat} is {@code ${large_tx_threshold_sat}}.
 */
public final class ChainlakeConfig {

    public static final String WAREHOUSE = "warehouse";
    /** Keys with this prefix are Flink options, passed to every Flink session as they are. */
    public static final String FLINK_PREFIX = "flink.";
    public static final String CATALOG_TYPE = "catalog.type";
    public static final String HIVE_METASTORE_URI = "catalog.hive.uri";
    public static final String HIVE_CONF_DIR = "catalog.hive.conf-dir";
    public static final String MYSQL_URL = "mysql.url";
    public static final String MYSQL_USER = "mysql.user";
    public static final String MYSQL_PASSWORD = "mysql.password";
    public static final String MYSQL_DATABASE = "mysql.database";
    /** Database of the mining-pool dimensions and dashboard exports, in btcpool's table shapes. */
    public static final String MYSQL_POOL_DATABASE = "mysql.pool-database";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
    public static final String KAFKA_GROUP_ID = "kafka.group-id";
    public static final String NETWORK = "network";
    public static final String PARALLELISM = "parallelism";
    public static final String LARGE_TX_THRESHOLD_SAT = "large-tx.threshold-sat";
    public static final String ADDRESS_RANK_TOP_N = "address-rank.top-n";
    public static final String ALERT_WEBHOOK_URL = "alert.webhook-url";
    public static final String ALERT_WEBHOOK_MAX_ATTEMPTS = "alert.webhook-max-attempts";
    public static final String ALERT_WEBHOOK_BACKOFF_MS = "alert.webhook-backoff-ms";
    public static final String ALERT_WEBHOOK_TIMEOUT_MS = "alert.webhook-timeout-ms";
    public static final String POOL_ALLOWED_LATENESS_S = "pool.allowed-lateness-s";
    public static final String POOL_OFFLINE_THRESHOLD_S = "pool.offline-threshold-s";
    public static final String METRICS_PROMETHEUS_PORT = "metrics.prometheus-port";
    /** How the messages on Kafka topic pool.share are encoded (json | protobuf): a pool publishes one encoding. */
    public static final String POOL_SHARE_ENCODING = "pool.share-encoding";
    public static final String POOL_ANOMALY_HASHRATE_DROP = "pool.anomaly-hashrate-drop";
    public static final String POOL_ANOMALY_REJECT_RATE = "pool.anomaly-reject-rate";

    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private ChainlakeConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(WAREHOUSE, "./warehouse");
        d.put(CATALOG_TYPE, "filesystem");
        d.put(HIVE_METASTORE_URI, "");
        d.put(HIVE_CONF_DIR, "");
        d.put(MYSQL_URL, "jdbc:mysql://127.0.0.1:3306");
        d.put(MYSQL_USER, "root");
        d.put(MYSQL_PASSWORD, "");
        d.put(MYSQL_DATABASE, "chainlake");
        d.put(MYSQL_POOL_DATABASE, "chainlake_pool");
        d.put(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        d.put(KAFKA_GROUP_ID, "chainlake-stream"); // stream makes it per warehouse
        d.put(NETWORK, "main");
        d.put(PARALLELISM, String.valueOf(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))));
        d.put(LARGE_TX_THRESHOLD_SAT, "5000000000");
        d.put(ADDRESS_RANK_TOP_N, "100");
        d.put(ALERT_WEBHOOK_URL, ""); // empty: alerts off
        d.put(ALERT_WEBHOOK_MAX_ATTEMPTS, "5");
        d.put(ALERT_WEBHOOK_BACKOFF_MS, "500"); // wait before the 2nd attempt; doubles for each further one
        d.put(ALERT_WEBHOOK_TIMEOUT_MS, "10000");
        d.put(POOL_ALLOWED_LATENESS_S, "300");
        d.put(POOL_OFFLINE_THRESHOLD_S, "600");
        d.put(METRICS_PROMETHEUS_PORT, "9249"); // stream's metrics for Prometheus; a free one when taken
        d.put(POOL_SHARE_ENCODING, "json");
        d.put(POOL_ANOMALY_HASHRATE_DROP, "0.5"); // 5-minute hashrate below half the hour before it
        d.put(POOL_ANOMALY_REJECT_RATE, "0.1"); // btcpool pools run well below 1 % rejects
        return d;
    }

    public static ChainlakeConfig defaultsWith(Map<String, String> overrides) {
        return load(null, overrides);
    }

    /** Defaults, then {@code file} when given, then {@code overrides} (flags); unknown keys are refused. */
    public static ChainlakeConfig load(Path file, Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        if (file != null) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            props.stringPropertyNames().forEach(k -> put(merged, k, props.getProperty(k).trim(), file.toString()));
        }
        overrides.forEach((k, v) -> put(merged, k, v, "flags"));
        return new ChainlakeConfig(merged);
    }

    private static void put(Map<String, String> merged, String key, String value, String origin) {
        boolean flinkOption = key.startsWith(FLINK_PREFIX) && key.length() > FLINK_PREFIX.length();
        if (!DEFAULTS.containsKey(key) && !flinkOption) {
            throw new IllegalArgumentException("unknown config key '" + key + "' in " + origin + "; known keys: "
                    + DEFAULTS.keySet() + ", and any Flink option as " + FLINK_PREFIX + "<option>");
        }
        merged.put(key, value);
    }

    public ChainlakeConfig with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        put(copy, key, value, "code");
        return new ChainlakeConfig(copy);
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown config key '" + key + "'");
        }
        return v;
    }

    public Path warehouse() {
        return Path.of(get(WAREHOUSE)).toAbsolutePath().normalize();
    }

    public int parallelism() {
        return Integer.parseInt(get(PARALLELISM));
    }

    /** Values as SQL placeholders: dots and dashes become underscores. */
    public Map<String, String> placeholders() {
        Map<String, String> p = new LinkedHashMap<>();
        values.forEach((k, v) -> p.put(k.replace('.', '_').replace('-', '_'), v));
        p.put(WAREHOUSE, warehouse().toString());
        return p;
    }

    /**
     * Flink options given as {@code flink.<option>} (e.g. {@code flink.table.exec.mini-batch.enabled=true}), without
     * the prefix: operators tune the engine from the same config file, no code change.
     */
    public Map<String, String> flinkOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(FLINK_PREFIX)) {
                options.put(k.substring(FLINK_PREFIX.length()), v);
            }
        });
        return options;
    }

    public Map<String, String> asMap() {
        return values;
    }
}
