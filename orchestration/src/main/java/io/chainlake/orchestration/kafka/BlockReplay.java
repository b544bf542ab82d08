package io.chainlake.orchestration.kafka;

import io.chainlake.ods.blockfile.BlockFileReader;
import io.chainlake.ods.blockfile.BlockProblem;
import io.chainlake.ods.blockfile.BlockTransactions;
import io.chainlake.ods.blockfile.BlockTransactions.RawTransaction;
import io.chainlake.ods.blockfile.FoundBlock;
import io.chainlake.ods.blockfile.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the blocks of Bitcoin Core block files to Kafka as a node would have received them: each block once, in
 * file order, to {@value ChainTopics#BLOCK} (see {@link ChainTopics} for keys, values and headers).
 *
 * <p>Pacing: with a rate, block {@code i} goes out no sooner than {@code i / rate} seconds after the first; without
 * one, as fast as the producer takes them. With mempool replay on, every transaction after the coinbase first goes
 * to {@value ChainTopics#MEMPOOL_TX}, and its block follows at least {@code mempoolLead} later (the block waits for
 * the transactions to be acknowledged). Transactions of later blocks go out while earlier blocks wait their lead
 * time, so the lead does not slow a replay down beyond a bounded look-ahead of {@value #MAX_PENDING_BYTES} bytes.
 *
 * <p>Heights come from {@link ReplayHeights}. Records carry the wall-clock time they were sent as their timestamp.
 * A block found again (same hash) is skipped; bytes that are not a block are reported as a {@code skipped:} line
 * and the replay goes on. Not thread-safe.
 */
public final class BlockReplay {

    /** Blocks read ahead while earlier blocks wait out their mempool lead. */
    static final long MAX_PENDING_BYTES = 64L << 20;

    /**
     * What to replay and how.
     *
     * @param network         the network of the block files (magic) and of the {@value ChainTopics#NETWORK_HEADER}
     *                        header
     * @param heightsFile     {@code block_hash,height} lines for segment roots (may be empty)
     * @param blocksPerSecond most blocks per second; 0 for no limit
     * @param mempool         publish each block's non-coinbase transactions to {@value ChainTopics#MEMPOOL_TX} first
     * @param mempoolLead     how long before its block a transaction is published
     * @param redeliver       publish a block found again once more (a redelivery), instead of skipping it
     */
    public record Options(
            Network network,
            Map<String, Integer> heightsFile,
            double blocksPerSecond,
            boolean mempool,
            Duration mempoolLead,
            boolean redeliver) {

        public Options(Network network, Map<String, Integer> heightsFile, double blocksPerSecond, boolean mempool,
                Duration mempoolLead) {
            this(network, heightsFile, blocksPerSecond, mempool, mempoolLead, false);
        }

        public Options {
            Objects.requireNonNull(network, "network");
            heightsFile = Map.copyOf(heightsFile);
            if (!(blocksPerSecond >= 0) || Double.isInfinite(blocksPerSecond)) {
                throw new IllegalArgumentException("--rate " + blocksPerSecond + ": give blocks per second above 0");
            }
            if (mempoolLead.isNegative()) {
                throw new IllegalArgumentException("--mempool-lead " + mempoolLead + " is negative");
            }
        }
    }

    /**
     * What a replay published.
     *
     * @param blocks              records written to {@value ChainTopics#BLOCK}
     * @param mempoolTransactions records written to {@value ChainTopics#MEMPOOL_TX}
     * @param duplicates          blocks found again in the files and not published again
     * @param problems            bad records of the files, skipped
     */
    public record Result(long blocks, long mempoolTransactions, long duplicates, long problems) {
    }

    /** Time as the replay sees it; tests substitute a clock that does not sleep. */
    interface Clock {
        long nanoTime();

        long currentTimeMillis();

        void sleepUntil(long nanoTime) throws InterruptedException;

        static Clock system() {
            return new Clock() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public long currentTimeMillis() {
                    return System.currentTimeMillis();
                }

                @Override
                public void sleepUntil(long nanoTime) throws InterruptedException {
                    long left = nanoTime - System.nanoTime();
                    if (left > 0) {
                        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                    }
                }
            };
        }
    }

    /** A block read and published to the mempool topic, waiting for its time. */
    private record Pending(FoundBlock block, long dueNanos, List<Future<RecordMetadata>> transactions) {
    }

    private final Producer<String, byte[]> producer;
    private final Options options;
    private final Clock clock;
    private final Consumer<String> messages;
    private final long intervalNanos;
    private final long leadNanos;
    private final AtomicReference<IllegalStateException> sendFailure = new AtomicReference<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private ReplayHeights heights;
    private ReplayProgress progress;
    private long pendingBytes;
    private long lastDueNanos = Long.MIN_VALUE;
    private long blocks;
    private long mempoolTransactions;
    private long duplicates;
    private long problems;

    /**
     * @param producer where records go (the caller closes it)
     * @param messages receives progress lines and one {@code skipped: file offset N: reason} line per bad record
     */
    public BlockReplay(Producer<String, byte[]> producer, Options options, Consumer<String> messages) {
        this(producer, options, Clock.system(), messages);
    }

    BlockReplay(Producer<String, byte[]> producer, Options options, Clock clock, Consumer<String> messages) {
        this.producer = producer;
        this.options = options;
        this.clock = clock;
        this.messages = messages;
        this.intervalNanos = options.blocksPerSecond() > 0 ? Math.round(1e9 / options.blocksPerSecond()) : 0;
        this.leadNanos = options.mempool() ? options.mempoolLead().toNanos() : 0;
    }

    /**
     * Replays the block files that {@code paths} stand for (directories of {@code blk*.dat} or single files), then
     * flushes the producer. Reads the files twice: once for heights, once to publish.
     *
     * @throws IllegalArgumentException when the paths hold no block of the network
     * @throws IllegalStateException    when Kafka refuses a record
     */
    public Result replay(List<Path> paths) throws IOException, InterruptedException {
        heights = ReplayHeights.scan(paths, options.network(), options.heightsFile());
        if (heights.blockCount() == 0) {
            throw new IllegalArgumentException("no block found in " + paths + " for network "
                    + options.network().cliName());
        }
        messages.accept(String.format(Locale.ROOT, "replay: %,d blocks to publish", heights.blockCount()));
        progress = new ReplayProgress(heights.blockCount(), messages);
        try {
            new BlockFileReader(options.network()).read(paths, entry -> {
                if (entry instanceof FoundBlock b) {
                    onBlock(b);
                } else if (entry instanceof BlockProblem p) {
                    problems++;
                    messages.accept(skipped(p));
                }
            });
            while (!pending.isEmpty()) {
                publishHead();
            }
        } catch (Interrupted e) {
            throw e.cause;
        }
        producer.flush();
        checkSendFailure();
        return new Result(blocks, mempoolTransactions, duplicates, problems);
    }

    private void onBlock(FoundBlock block) {
        checkSendFailure();
        if (!seen.add(block.header().blockHash())) {
            duplicates++;
            if (options.redeliver()) {
                send(ChainTopics.BLOCK, block.header().blockHash(), block.raw(), heights.heightOf(block.header().blockHash()));
            }
            return;
        }
        try {
            long earliest = lastDueNanos == Long.MIN_VALUE ? clock.nanoTime() : lastDueNanos + intervalNanos;
            long transactionsAt = earliest - leadNanos;
            while (!pending.isEmpty()
                    && (pending.peekFirst().dueNanos() <= transactionsAt || pendingBytes >= MAX_PENDING_BYTES)) {
                publishHead();
            }
            clock.sleepUntil(transactionsAt);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            if (options.mempool()) {
                for (RawTransaction tx : BlockTransactions.nonCoinbase(block.raw())) {
                    sent.add(send(ChainTopics.MEMPOOL_TX, tx.txid(), tx.raw(), null));
                    mempoolTransactions++;
                }
            }
            long due = Math.max(earliest, clock.nanoTime() + leadNanos);
            pending.addLast(new Pending(block, due, sent));
            pendingBytes += block.raw().length;
            lastDueNanos = due;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(e);
        }
    }

    /** Waits until the oldest pending block is due and its transactions are acknowledged, then publishes it. */
    private void publishHead() throws InterruptedException {
        Pending head = pending.removeFirst();
        pendingBytes -= head.block().raw().length;
        clock.sleepUntil(head.dueNanos());
        for (Future<RecordMetadata> tx : head.transactions()) {
            try {
                tx.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("publishing to " + ChainTopics.MEMPOOL_TX + " failed: "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
        String hash = head.block().header().blockHash();
        send(ChainTopics.BLOCK, hash, head.block().raw(), heights.heightOf(hash));
        blocks++;
        progress.update(blocks, mempoolTransactions);
    }

    private Future<RecordMetadata> send(String topic, String key, byte[] value, Integer height) {
        ProducerRecord<String, byte[]> record = ChainTopics.record(topic, key, value, options.network().cliName(), height,
                clock.currentTimeMillis());
        return producer.send(record, (metadata, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, new IllegalStateException(
                        "publishing " + key + " to " + topic + " failed: " + e.getMessage(), e));
            }
        });
    }

    private void checkSendFailure() {
        IllegalStateException e = sendFailure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Carries an interruption out of the block reader's callback. */
    private static final class Interrupted extends RuntimeException {
        private final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** The line that names a bad record of the input, which a replay skips. */
    static String skipped(BlockProblem problem) {
        return "skipped: " + problem.message();
    }
}
