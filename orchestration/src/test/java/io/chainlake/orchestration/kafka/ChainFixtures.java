package io.chainlake.orchestration.kafka;

import io.chainlake.ods.blockfile.Network;
import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bitcoinj.base.Sha256Hash;

/**
 * Publishes synthetic regtest chains ({@link SyntheticChain}: real proof of work at regtest difficulty, valid
 * merkle roots and BIP34 heights) to a Kafka topic in the record format of {@code ./chainlake replay} (key = block
 * hash, headers {@code network=regtest} and {@code height}), in the orders live networks deliver blocks: duplicates,
 * a child before its parent, and a competing branch that overtakes the chain (a reorg).
 *
 * <pre>{@code
 * SyntheticChain chain = new SyntheticChain(SyntheticChainConfig.of(12, 3, 42L).withCoinbaseMaturity(2));
 * ChainFixtures.Scenario live = ChainFixtures.liveLike(chain, 3, 7L);
 * try (ChainFixtures fixtures = new ChainFixtures(bootstrapServers, ChainTopics.BLOCK)) {
 *     fixtures.publish(live.deliveries());
 * }
 * // a consumer must end with live.bestChain() as its main chain and live.staleBlocks() off it
 * }</pre>
 */
public final class ChainFixtures implements AutoCloseable {

    /** Heights whose blocks {@link #liveLike} delivers out of order or twice; the chain needs blocks above them. */
    static final int DUPLICATED_HEIGHT = 2;
    static final int PARENT_DELIVERED_LATE = 4;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public ChainFixtures(String bootstrapServers, String topic) {
        this.producer = KafkaCluster.producer(bootstrapServers);
        this.topic = topic;
    }

    /**
     * A live-like delivery of a chain and a reorg.
     *
     * @param deliveries the blocks in publishing order, duplicates included
     * @param mainChain  the chain first delivered, by height from genesis
     * @param branch     the competing branch, by height; its first block's parent is on {@code mainChain} and it is
     *                   one block longer than the part of {@code mainChain} it replaces
     */
    public record Scenario(
            List<SyntheticBlock> deliveries, List<SyntheticBlock> mainChain, List<SyntheticBlock> branch) {

        /** The best chain once every block has arrived: the main chain up to the fork point, then the branch. */
        public List<SyntheticBlock> bestChain() {
            List<SyntheticBlock> best = new ArrayList<>(mainChain.subList(0, branch.get(0).height()));
            best.addAll(branch);
            return best;
        }

        /** Main-chain blocks the reorg takes off the best chain. */
        public List<SyntheticBlock> staleBlocks() {
            return mainChain.subList(branch.get(0).height(), mainChain.size());
        }

        /** Different blocks delivered. */
        public Set<Sha256Hash> distinctHashes() {
            Set<Sha256Hash> hashes = new LinkedHashSet<>();
            deliveries.forEach(b -> hashes.add(b.hash()));
            return hashes;
        }
    }

    /**
     * The main chain in height order, except that the block at {@value #DUPLICATED_HEIGHT} arrives twice in a row,
     * the block at {@value #PARENT_DELIVERED_LATE} arrives after its child, and the tip arrives again at the very
     * end; after the main chain comes {@code chain.overtakingFork(tip - reorgDepth, branchSeed)}: {@code reorgDepth}
     * main-chain blocks become stale, replaced by {@code reorgDepth + 1} branch blocks.
     *
     * @throws IllegalArgumentException when {@code reorgDepth < 1} or the fork point would not lie above the
     *                                  out-of-order blocks ({@code tip - reorgDepth > PARENT_DELIVERED_LATE + 1})
     */
    public static Scenario liveLike(SyntheticChain chain, int reorgDepth, long branchSeed) {
        int forkPoint = chain.tipHeight() - reorgDepth;
        if (reorgDepth < 1 || forkPoint <= PARENT_DELIVERED_LATE + 1 || chain.firstHeight() != 0) {
            throw new IllegalArgumentException("need a main chain whose tip minus the reorg depth " + reorgDepth
                    + " is above height " + (PARENT_DELIVERED_LATE + 1) + "; got " + chain);
        }
        List<SyntheticBlock> main = chain.stream().toList();
        List<SyntheticBlock> branch = chain.overtakingFork(forkPoint, branchSeed).stream().toList();
        List<SyntheticBlock> deliveries = new ArrayList<>();
        for (int h = 0; h < main.size(); h++) {
            if (h == PARENT_DELIVERED_LATE) {
                deliveries.add(main.get(h + 1));
                deliveries.add(main.get(h));
                h++;
                continue;
            }
            deliveries.add(main.get(h));
            if (h == DUPLICATED_HEIGHT) {
                deliveries.add(main.get(h));
            }
        }
        deliveries.add(main.get(main.size() - 1));
        deliveries.addAll(branch);
        return new Scenario(List.copyOf(deliveries), main, branch);
    }

    /** Publishes one block (key = its hash, headers network and height) and waits until Kafka has it. */
    public void publish(SyntheticBlock block) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ChainTopics.NETWORK_HEADER, Network.REGTEST.cliName().getBytes(StandardCharsets.UTF_8));
        headers.add(ChainTopics.HEIGHT_HEADER, String.valueOf(block.height()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(topic, null, null, block.hash().toString(), block.raw(), headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing " + block + " to " + topic + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing to " + topic, e);
        }
    }

    /** Publishes the blocks in the given order. */
    public void publish(List<SyntheticBlock> blocks) {
        blocks.forEach(this::publish);
    }

    @Override
    public void close() {
        producer.close();
    }
}
