package io.chainlake.orchestration.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chainlake.ods.pool.ShareDecodeException;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareEvent;
import io.chainlake.ods.pool.ShareLogWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's traffic against what btcpool's formulas and the configured fleet say it should be (data/README.md
 * "Mining-pool share events"): the status codes are written out here, not taken from the code under test.
 */
class ShareSimulatorTest {

    static final int ACCEPT = 1798084231;
    static final int SOLVED = 1422486894;
    static final int ACCEPT_STALE = 950395421;
    static final int SOLVED_STALE = 1713984938;
    static final Set<Integer> STALE = Set.of(ACCEPT_STALE, SOLVED_STALE, 21, 37);
    static final double TWO_POW_32 = 4294967296.0;
    static final long HOUR = 3600;
    /** Difficulty 2^26: 0xffff / 0x3fffc0 * 256^(29 - 0x19) = 2^-6 * 2^32. */
    static final long BITS_DIFF_2_POW_26 = 0x193fffc0L;

    static ShareSimulator.Options hour = new ShareSimulator.Options(10, 200, 40, HOUR, 42,
            Instant.parse("2024-03-01T00:00:00Z"), ShareEncoding.JSON, BITS_DIFF_2_POW_26, 0.01, 0.005, 0.001,
            0.002, 0.01, 60, 0);
    static List<ShareSimulator.Message> messages = new ArrayList<>();
    static List<ShareEvent> shares = new ArrayList<>();
    static int malformed;
    static List<FleetWorker> fleet;

    @BeforeAll
    static void simulateAnHour() {
        ShareSimulator simulator = new ShareSimulator(hour);
        fleet = simulator.fleet();
        simulator.run(messages::add);
        Set<String> seen = new HashSet<>();
        for (ShareSimulator.Message m : messages) {
            try {
                ShareEvent s = ShareEncoding.JSON.decode(m.payload());
                if (seen.add(s.workerHashId() + "/" + s.jobId() + "/" + s.sessionId() + "/" + s.nonce() + "/"
                        + s.timestamp() + "/" + s.versionMask())) {
                    shares.add(s);
                }
            } catch (ShareDecodeException e) {
                malformed++;
            }
        }
    }

    static byte[] file(ShareSimulator.Options options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShareLogWriter writer = new ShareLogWriter(bytes, options.encoding());
        new ShareSimulator(options).run(m -> {
            try {
                writer.writePayload(m.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return bytes.toByteArray();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        ShareSimulator.Options tenMinutes = ShareSimulator.Options.defaults(3, 30, 10, 600, 5)
                .with(ShareEncoding.PROTOBUF, Instant.parse("2024-01-01T00:00:00Z"));
        ShareSimulator.Options otherSeed = ShareSimulator.Options.defaults(3, 30, 10, 600, 6)
                .with(ShareEncoding.PROTOBUF, Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(file(tenMinutes)).isEqualTo(file(tenMinutes)).isNotEqualTo(file(otherSeed));
    }

    @Test
    void hashratesAreHeavyTailedTensToHundredsOfTerahashes() {
        double[] h = fleet.stream().mapToDouble(FleetWorker::hashrate).sorted().toArray();
        double mean = java.util.Arrays.stream(h).average().orElseThrow();

        assertThat(h[0]).isGreaterThanOrEqualTo(20e12);
        assertThat(h[h.length - 1]).isLessThanOrEqualTo(500e12).isGreaterThan(100e12);
        assertThat(h[h.length / 2]).as("median below mean: a right tail").isLessThan(mean);
    }

    @Test
    void rejectRateIsBtcpoolsFormulaWithinTheConfiguredBand() {
        double accept = 0;
        double reject = 0;
        for (ShareEvent s : shares) {
            if (s.status() == ACCEPT || s.status() == SOLVED) {
                accept += s.shareDiff();
            } else if (!STALE.contains(s.status())) {
                reject += s.shareDiff();
            }
        }

        assertThat(reject / (accept + reject)).isCloseTo(hour.rejectRate(), within(hour.rejectRate() * 0.2));
    }

    @Test
    void acceptedDifficultyImpliesTheFleetHashrate() {
        double acceptedDiff = shares.stream().filter(s -> s.status() == ACCEPT || s.status() == SOLVED)
                .mapToDouble(ShareEvent::shareDiff).sum();
        double fleetHashrate = fleet.stream().mapToDouble(FleetWorker::hashrate).sum();
        double acceptedShare = 1 - hour.rejectRate() - hour.staleRate();

        // btcpool: hashrate = share_accept * 2^32 / seconds
        assertThat(acceptedDiff * TWO_POW_32 / HOUR).isCloseTo(fleetHashrate * acceptedShare,
                within(fleetHashrate * 0.05));
    }

    @Test
    void vardiffAimsEveryWorkerAtTheFleetShareInterval() {
        Map<Long, Integer> perWorker = new HashMap<>();
        shares.forEach(s -> perWorker.merge(s.workerHashId(), 1, Integer::sum));
        double aimedInterval = hour.workers() / hour.sharesPerSecond(); // 5 s

        for (FleetWorker w : fleet) {
            assertThat(Long.bitCount(w.shareDiff())).as("a power of two").isEqualTo(1);
            double interval = (double) HOUR / perWorker.getOrDefault(w.workerId(), 0);
            // the nearest power of two is within a factor sqrt(2) of the ideal; Poisson noise on ~700 shares
            assertThat(interval).isBetween(aimedInterval / 1.6, aimedInterval * 1.6);
        }
    }

    @Test
    void arrivalsArePoisson() {
        Map<Long, List<Long>> times = new LinkedHashMap<>();
        shares.forEach(s -> times.computeIfAbsent(s.workerHashId(), k -> new ArrayList<>()).add(s.timestamp()));
        // per worker, timestamps are whole seconds: count shares per 60 s bin; Poisson counts have variance = mean
        double ratioSum = 0;
        for (List<Long> t : times.values()) {
            long[] bins = new long[60];
            long first = hour.start().getEpochSecond();
            t.forEach(ts -> bins[(int) Math.min(59, (ts - first) / 60)]++);
            double mean = java.util.Arrays.stream(bins).average().orElseThrow();
            double var = java.util.Arrays.stream(bins).mapToDouble(b -> (b - mean) * (b - mean)).sum() / 59;
            ratioSum += var / mean;
        }
        assertThat(ratioSum / times.size()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void blocksAreFoundAsOftenAsTheNetworkTargetSays() {
        // a share of difficulty d meets network difficulty D with probability d / D
        double expected = shares.stream().filter(s -> s.status() == ACCEPT || s.status() == SOLVED
                || s.status() == ACCEPT_STALE || s.status() == SOLVED_STALE)
                .mapToDouble(s -> s.shareDiff() / Math.pow(2, 26)).sum();
        long solved = shares.stream().filter(s -> s.status() == SOLVED || s.status() == SOLVED_STALE).count();

        assertThat((double) solved).isCloseTo(expected, within(4 * Math.sqrt(expected)));
        assertThat(solved).isPositive();
    }

    @Test
    void someMessagesAreLateButNoneBeyondTheMaximumDelay() {
        long maxSoFar = Long.MIN_VALUE;
        int outOfOrder = 0;
        for (ShareSimulator.Message m : messages) {
            try {
                long ts = ShareEncoding.JSON.decode(m.payload()).timestamp();
                if (ts < maxSoFar) {
                    outOfOrder++;
                    assertThat(maxSoFar - ts).isLessThanOrEqualTo(hour.maxDelaySeconds() + 6);
                }
                maxSoFar = Math.max(maxSoFar, ts);
            } catch (ShareDecodeException e) {
                // malformed
            }
        }
        assertThat(outOfOrder).isGreaterThan(shares.size() / 500);
    }

    @Test
    void exactRedeliveriesAndMalformedMessagesAreAFewPerThousand() {
        Map<String, Integer> copies = new HashMap<>();
        messages.forEach(m -> copies.merge(java.util.HexFormat.of().formatHex(m.payload()), 1, Integer::sum));
        long redelivered = copies.values().stream().filter(c -> c > 1).count();

        assertThat(redelivered).isBetween((long) (shares.size() * 0.001), (long) (shares.size() * 0.004));
        assertThat(malformed).isBetween((int) (shares.size() * 0.0003), (int) (shares.size() * 0.003));
    }

    @Test
    void workersGoOfflineAndComeBackOnANewSession() {
        ShareSimulator.Options flaky = new ShareSimulator.Options(2, 20, 10, 4 * HOUR, 9, hour.start(),
                ShareEncoding.JSON, BITS_DIFF_2_POW_26, 0, 0, 0, 0, 0, 0, 2);
        Map<Long, ShareEvent> last = new HashMap<>();
        int comebacks = 0;
        List<ShareSimulator.Message> out = new ArrayList<>();
        new ShareSimulator(flaky).run(out::add);
        for (ShareSimulator.Message m : out) {
            ShareEvent s;
            try {
                s = ShareEncoding.JSON.decode(m.payload());
            } catch (ShareDecodeException e) {
                throw new AssertionError(e);
            }
            ShareEvent before = last.put(s.workerHashId(), s);
            if (before != null && s.sessionId() != before.sessionId()) {
                comebacks++;
                assertThat(s.timestamp() - before.timestamp()).as("a new session follows a gap").isPositive();
            }
        }
        // 20 workers x 4 h x 2 per hour, less the time spent offline
        assertThat(comebacks).isBetween(80, 200);
    }
}
