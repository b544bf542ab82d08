package io.chainlake.dws.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;

/**
 * The getblockstats test data in src/test/resources/core/rpc_getblockstats.json (see the README beside it): 104
 * raw regtest blocks, heights 0 to 103, and the getblockstats results the node returned for heights 101 to 103.
 * Reads every block with bitcoinj and works out each non-coinbase transaction's fee from the outputs it spends, all of
 * which lie in earlier blocks of the file.
 */
public final class CoreBlockStatsFixture {

    public static final String RESOURCE = "/core/rpc_getblockstats.json";

    /** A non-coinbase transaction: block height, fee, weight units and serialized size in bytes. */
    public record Tx(int height, String txid, long feeSat, long weight, long size) {
    }

    private final List<Tx> transactions;
    private final Map<Integer, JsonNode> statsByHeight;

    private CoreBlockStatsFixture(List<Tx> transactions, Map<Integer, JsonNode> statsByHeight) {
        this.transactions = List.copyOf(transactions);
        this.statsByHeight = Map.copyOf(statsByHeight);
    }

    public static CoreBlockStatsFixture load() {
        JsonNode root;
        try (InputStream json = CoreBlockStatsFixture.class.getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }

        Map<String, Long> unspentValues = new HashMap<>();
        List<Tx> transactions = new ArrayList<>();
        JsonNode blocks = root.get("blocks");
        for (int height = 0; height < blocks.size(); height++) {
            Block block = Block.read(ByteBuffer.wrap(HexFormat.of().parseHex(blocks.get(height).asText())));
            for (Transaction tx : block.getTransactions()) {
                long outputSum = 0;
                for (TransactionOutput output : tx.getOutputs()) {
                    outputSum += output.getValue().value;
                }
                if (!tx.isCoinBase()) {
                    long inputSum = 0;
                    for (TransactionInput input : tx.getInputs()) {
                        String outpoint = input.getOutpoint().hash() + ":" + input.getOutpoint().index();
                        Long value = unspentValues.remove(outpoint);
                        if (value == null) {
                            throw new IllegalStateException(RESOURCE + " height " + height + " tx " + tx.getTxId()
                                    + ": spends " + outpoint + ", which no earlier block created");
                        }
                        inputSum += value;
                    }
                    transactions.add(new Tx(height, tx.getTxId().toString(), inputSum - outputSum, tx.getWeight(),
                            tx.messageSize()));
                }
                for (int i = 0; i < tx.getOutputs().size(); i++) {
                    unspentValues.put(tx.getTxId() + ":" + i, tx.getOutputs().get(i).getValue().value);
                }
            }
        }

        Map<Integer, JsonNode> statsByHeight = new HashMap<>();
        for (JsonNode stats : root.get("stats")) {
            statsByHeight.put(stats.get("height").asInt(), stats);
        }
        return new CoreBlockStatsFixture(transactions, statsByHeight);
    }

    /** Every non-coinbase transaction of the file, in block order. */
    public List<Tx> transactions() {
        return transactions;
    }

    /** The non-coinbase transactions of the block at {@code height}. */
    public List<Tx> transactionsAt(int height) {
        return transactions.stream().filter(tx -> tx.height() == height).toList();
    }

    /** Heights with expected getblockstats results, ascending. */
    public List<Integer> statsHeights() {
        return statsByHeight.keySet().stream().sorted().toList();
    }

    /** The getblockstats result recorded for {@code height}. */
    public JsonNode stats(int height) {
        JsonNode stats = statsByHeight.get(height);
        if (stats == null) {
            throw new IllegalArgumentException(RESOURCE + " has no stats for height " + height);
        }
        return stats;
    }

    /** The five feerate_percentiles recorded for {@code height}. */
    public long[] feeratePercentiles(int height) {
        JsonNode array = stats(height).get("feerate_percentiles");
        long[] result = new long[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).asLong();
        }
        return result;
    }
}
