package io.chainlake.orchestration.pool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated users and workers: worker hashrates from a Pareto distribution (minimum 20 TH/s, shape 1.5, capped
 * at 500 TH/s: mostly tens of TH/s, a tail of hundreds), each worker's vardiff difficulty the power of two that
 * brings its share interval closest to workers / rate seconds, as btcpool's vardiff does; workers dealt to users
 * round-robin.
 */
public final class PoolFleet {

    /** Hashes a share of difficulty 1 stands for: 2^32. */
    public static final double HASHES_PER_DIFF_1 = 4294967296.0;
    static final double MIN_HASHRATE = 20e12;
    static final double MAX_HASHRATE = 500e12;
    static final double PARETO_SHAPE = 1.5;
    /** btcpool puids start high; so do ours, so a puid is never mistaken for a small count. */
    static final int FIRST_PUID = 10001;

    private PoolFleet() {}

    public static List<FleetWorker> generate(int users, int workers, double sharesPerSecond, SplittableRandom random) {
        if (users < 1 || workers < users) {
            throw new IllegalArgumentException("--users must be at least 1 and --workers at least --users (got "
                    + users + " users, " + workers + " workers)");
        }
        if (!(sharesPerSecond > 0)) {
            throw new IllegalArgumentException("--rate must be above 0 shares per second, got " + sharesPerSecond);
        }
        double interval = workers / sharesPerSecond;
        List<FleetWorker> fleet = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            int user = i % users;
            int puid = FIRST_PUID + user;
            String userName = String.format(Locale.ROOT, "miner%04d", user + 1);
            String workerName = String.format(Locale.ROOT, "rig%05d", i / users + 1);
            double u = 1.0 - random.nextDouble(); // (0, 1]
            double hashrate = Math.min(MAX_HASHRATE, MIN_HASHRATE / Math.pow(u, 1.0 / PARETO_SHAPE));
            long diff = vardiff(hashrate, interval);
            String ip = String.format(Locale.ROOT, "10.%d.%d.%d", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
            fleet.add(new FleetWorker(puid, userName, workerName, workerHashId(userName + "." + workerName), hashrate,
                    diff, ip));
        }
        return fleet;
    }

    /** The power of two nearest (in log scale) to the difficulty giving one share per {@code interval} seconds. */
    static long vardiff(double hashrate, double intervalSeconds) {
        double ideal = hashrate * intervalSeconds / HASHES_PER_DIFF_1;
        long exponent = Math.max(0, Math.min(62, Math.round(Math.log(ideal) / Math.log(2))));
        return 1L << exponent;
    }

    static long workerHashId(String fullName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fullName.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
