package io.chainlake.orchestration.kafka;

import static io.chainlake.orchestration.kafka.KafkaRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bitcoinj.core.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live-like fixture on a real broker, checked only from what a consumer reads: block headers parsed with
 * bitcoinj, parents linked by their hashes.
 */
@ExtendWith(SharedKafka.class)
class ChainFixturesIT {

    private static final String TOPIC = "fixtures.btc.block";

    @Test
    void deliversDuplicatesAChildBeforeItsParentAndAReorgThatOvertakes() {
        SyntheticChain chain = new SyntheticChain(SyntheticChainConfig.of(12, 3, 42L).withCoinbaseMaturity(2));
        ChainFixtures.Scenario live = ChainFixtures.liveLike(chain, 3, 7L);
        String kafka = SharedKafka.bootstrapServers();
        try (Admin admin = KafkaCluster.admin(kafka)) {
            KafkaCluster.createMissingTopics(admin, List.of(new NewTopic(TOPIC, 1, (short) 1)));
        }
        long from = KafkaRecords.endOffset(kafka, TOPIC);
        try (ChainFixtures fixtures = new ChainFixtures(kafka, TOPIC)) {
            fixtures.publish(live.deliveries());
        }

        List<ConsumerRecord<String, byte[]>> records =
                KafkaRecords.readFrom(kafka, TOPIC, from, 18, Duration.ofSeconds(30));
        // 12 main-chain blocks, block 2 and the tip again, 4 branch blocks
        assertThat(records).hasSize(18);
        Map<String, String> parentOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        boolean duplicate = false;
        boolean childFirst = false;
        for (ConsumerRecord<String, byte[]> r : records) {
            Block block = Block.read(ByteBuffer.wrap(r.value()));
            assertThat(r.key()).isEqualTo(block.getHashAsString());
            assertThat(block.getHash().toBigInteger()).as("proof of work of %s", r.key())
                    .isLessThanOrEqualTo(block.getDifficultyTargetAsInteger());
            assertThat(header(r, ChainTopics.NETWORK_HEADER)).isEqualTo("regtest");
            String parent = block.getPrevBlockHash().toString();
            childFirst |= !parent.equals("0".repeat(64)) && !seen.contains(parent);
            duplicate |= !seen.add(r.key());
            parentOf.put(r.key(), parent);
            order.add(r.key());
        }
        assertThat(duplicate).as("some block arrives twice").isTrue();
        assertThat(childFirst).as("some block arrives before its parent").isTrue();
        assertThat(seen).hasSize(16);

        // the longest chain by parent links ends at the branch tip, which is one block higher than the old tip
        Map<String, Integer> height = new HashMap<>();
        for (String hash : order) {
            height.put(hash, heightOf(hash, parentOf, height));
        }
        records.forEach(r -> assertThat(header(r, ChainTopics.HEIGHT_HEADER))
                .isEqualTo(String.valueOf(height.get(r.key()))));
        String bestTip = order.stream().max((a, b) -> Integer.compare(height.get(a), height.get(b))).orElseThrow();
        assertThat(height.get(bestTip)).isEqualTo(12);
        List<String> best = new ArrayList<>();
        for (String h = bestTip; parentOf.containsKey(h); h = parentOf.get(h)) {
            best.add(0, h);
        }
        assertThat(best).containsExactlyElementsOf(live.bestChain().stream().map(b -> b.hash().toString()).toList());
        List<String> stale = live.staleBlocks().stream().map(SyntheticBlock::hash).map(Object::toString).toList();
        assertThat(stale).hasSize(3).allSatisfy(h -> assertThat(best).doesNotContain(h));
    }

    private static int heightOf(String hash, Map<String, String> parentOf, Map<String, Integer> known) {
        Integer h = known.get(hash);
        if (h != null) {
            return h;
        }
        String parent = parentOf.get(hash);
        return parent == null || !parentOf.containsKey(parent) ? 0 : heightOf(parent, parentOf, known) + 1;
    }
}
