package io.chainlake.orchestration.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.ScriptPattern;

/**
 * A test-side UTXO set that applies decoded blocks in order and asserts Bitcoin Core's accounting rules on them:
 * an input spends an output that exists and is unspent ({@code bad-txns-inputs-missingorspent}), a coinbase output
 * only after {@code coinbaseMaturity} blocks ({@code bad-txns-premature-spend-of-coinbase}), fees are positive, and
 * the coinbase pays at most - here exactly - subsidy plus fees ({@code bad-cb-amount}). The genesis coinbase is
 * not spendable, as in Bitcoin Core.
 */
final class UtxoLedger {

    /** Bitcoin Core {@code GetBlockSubsidy}: 50 BTC shifted right once per halving interval, 0 after 64. */
    static long subsidySat(int height) {
        int regtestHalvingInterval = 150; // CRegTestParams consensus.nSubsidyHalvingInterval
        int halvings = height / regtestHalvingInterval;
        return halvings >= 64 ? 0 : 5_000_000_000L >> halvings;
    }

    private record Coin(long valueSat, int height, boolean coinbase) {
    }

    private record OutPoint(Sha256Hash txid, long index) {
    }

    private final int coinbaseMaturity;
    private final Map<OutPoint, Coin> unspent = new HashMap<>();
    long payments;
    final Set<Integer> inputCounts = new TreeSet<>();

    UtxoLedger(int coinbaseMaturity) {
        this.coinbaseMaturity = coinbaseMaturity;
    }

    void apply(SyntheticBlock block) {
        List<Transaction> txs = SyntheticChainTest.transactions(block);
        int height = block.height();
        long fees = 0;
        for (Transaction tx : txs.subList(1, txs.size())) {
            assertThat(tx.isCoinBase()).isFalse();
            assertThat(tx.getInputs()).hasSizeBetween(1, 3);
            assertThat(tx.getOutputs()).hasSize(2);
            inputCounts.add(tx.getInputs().size());
            long in = 0;
            for (TransactionInput input : tx.getInputs()) {
                TransactionOutPoint prevout = input.getOutpoint();
                Coin coin = unspent.remove(new OutPoint(prevout.hash(), prevout.index()));
                assertThat(coin).as("block %d tx %s spends %s, which is not unspent", height, tx.getTxId(), prevout)
                        .isNotNull();
                if (coin.coinbase()) {
                    assertThat(height - coin.height()).as("coinbase from %d spent at %d", coin.height(), height)
                            .isGreaterThanOrEqualTo(coinbaseMaturity);
                }
                in += coin.valueSat();
            }
            long out = 0;
            for (TransactionOutput output : tx.getOutputs()) {
                if (!ScriptPattern.isOpReturn(output.getScriptPubKey())) {
                    assertThat(output.getValue().value).as("non-dust output").isGreaterThanOrEqualTo(546);
                }
                out += output.getValue().value;
            }
            assertThat(in - out).as("fee of %s in block %d", tx.getTxId(), height).isPositive();
            fees += in - out;
            add(tx, height, false);
            payments++;
        }
        Transaction coinbase = txs.get(0);
        assertThat(coinbase.isCoinBase()).isTrue();
        assertThat(coinbase.getOutputSum().value).as("coinbase value of block %d", height)
                .isEqualTo(subsidySat(height) + fees);
        if (height > 0) {
            add(coinbase, height, true);
        }
    }

    private void add(Transaction tx, int height, boolean coinbase) {
        Sha256Hash txid = tx.getTxId();
        for (TransactionOutput output : tx.getOutputs()) {
            if (!ScriptPattern.isOpReturn(output.getScriptPubKey())) {
                Coin previous = unspent.put(new OutPoint(txid, output.getIndex()), new Coin(output.getValue().value,
                        height, coinbase));
                assertThat(previous).as("duplicate outpoint %s:%d", txid, output.getIndex()).isNull();
            }
        }
    }
}
