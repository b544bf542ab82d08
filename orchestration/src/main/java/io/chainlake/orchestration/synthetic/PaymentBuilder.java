package io.chainlake.orchestration.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;

/**
 * Makes wallet-like payments out of a {@link UtxoPool}: 1-3 inputs spending random unspent outputs, a payment
 * output and a change output (in random order), and a fee of a random rate times the virtual size.
 *
 * <p>Payment scripts follow roughly today's mix (P2WPKH most, then P2TR, P2PKH, P2SH, P2WSH, a little P2PK, and
 * now and then an OP_RETURN data carrier in place of the payment). Like Bitcoin Core's wallet, most payments
 * signal RBF and set the lock time to the previous height (anti fee sniping).
 */
final class PaymentBuilder {

    /** Bitcoin Core's dust threshold for a P2PKH output at the default 3 sat/vB dust relay fee. */
    static final long DUST_SAT = 546;

    /** Below this many spendable outputs, payments take a single input so that the pool grows. */
    private static final int FAN_OUT_BELOW = 64;

    private static final int MAX_INPUTS = 3;

    /** Sets of inputs tried before a payment that cannot pay its fee and outputs is given up. */
    private static final int ATTEMPTS = 4;

    private static final OutputType[] PAYMENT_TYPES = weighted(
            OutputType.P2WPKH, 42, OutputType.P2TR, 20, OutputType.P2PKH, 14, OutputType.P2SH, 12,
            OutputType.P2WSH, 7, OutputType.P2PK, 1, OutputType.OP_RETURN, 4);

    private static final OutputType[] CHANGE_TYPES = weighted(
            OutputType.P2WPKH, 55, OutputType.P2TR, 20, OutputType.P2PKH, 13, OutputType.P2SH, 12);

    private final Random random;
    private final RandomKeyMaterial keys;

    PaymentBuilder(Random random, RandomKeyMaterial keys) {
        this.random = random;
        this.keys = keys;
    }

    /** A payment, the fee it pays, its weight, and the script type of each of its outputs. */
    record Payment(Transaction transaction, long feeSat, int weight, List<OutputType> outputTypes) {
    }

    /**
     * A new payment spending outputs of {@code pool}, whose outputs go back into the pool; or empty, with the
     * pool holding the same outputs (in another order), when no payment of at most {@code maxWeight} weight units
     * could be funded.
     *
     * @param height the height of the block the payment goes into
     */
    Optional<Payment> build(UtxoPool pool, int height, int maxWeight) {
        List<Utxo> inputs = new ArrayList<>(MAX_INPUTS);
        for (int attempt = 0; attempt < ATTEMPTS && pool.size() > 0; attempt++) {
            int wanted = pool.size() < FAN_OUT_BELOW ? 1 : 1 + random.nextInt(MAX_INPUTS);
            while (inputs.size() < wanted && pool.size() > 0) {
                inputs.add(pool.takeRandom(random));
            }
            while (true) {
                Draft draft = draft(inputs, height);
                if (draft.weight() > maxWeight) {
                    inputs.forEach(pool::add);
                    return Optional.empty();
                }
                Optional<Payment> payment = draft.fund();
                if (payment.isPresent()) {
                    addOutputs(payment.get(), pool);
                    return payment;
                }
                if (inputs.size() == MAX_INPUTS || pool.size() == 0) {
                    break;
                }
                // too little to pay the fee and two non-dust outputs: add an input, as a wallet would
                inputs.add(pool.takeRandom(random));
            }
            inputs.forEach(pool::add);
            inputs.clear();
        }
        return Optional.empty();
    }

    private static void addOutputs(Payment payment, UtxoPool pool) {
        Sha256Hash txid = payment.transaction().getTxId();
        List<TransactionOutput> outputs = payment.transaction().getOutputs();
        for (int i = 0; i < outputs.size(); i++) {
            OutputType type = payment.outputTypes().get(i);
            if (type.spendable()) {
                pool.add(new Utxo(txid, i, outputs.get(i).getValue().value, type));
            }
        }
    }

    /** A payment with its final size but zero-value outputs. */
    private Draft draft(List<Utxo> inputs, int height) {
        Transaction tx = new Transaction();
        tx.setVersion(random.nextInt(10) < 9 ? 2 : 1);
        boolean walletLike = random.nextInt(10) < 7;
        long sequence = walletLike
                ? (random.nextBoolean() ? 0xffff_fffdL : 0xffff_fffeL)
                : TransactionInput.NO_SEQUENCE;
        long inputSat = 0;
        for (Utxo utxo : inputs) {
            OutputType.Unlocking unlocking = utxo.type().unlocking(keys);
            tx.addInput(new TransactionInput(tx, unlocking.scriptSig(),
                    new TransactionOutPoint(utxo.index(), utxo.txid()), sequence,
                    Coin.valueOf(utxo.valueSat()), unlocking.witness()));
            inputSat += utxo.valueSat();
        }
        if (walletLike) {
            // after the inputs: bitcoinj warns about a lock time on a transaction without non-final inputs
            tx.setLockTime(height - 1);
        }
        OutputType paymentType = PAYMENT_TYPES[random.nextInt(PAYMENT_TYPES.length)];
        OutputType changeType = CHANGE_TYPES[random.nextInt(CHANGE_TYPES.length)];
        int paymentIndex = random.nextInt(2);
        OutputType[] outputTypes = new OutputType[2];
        outputTypes[paymentIndex] = paymentType;
        outputTypes[1 - paymentIndex] = changeType;
        for (OutputType type : outputTypes) {
            tx.addOutput(Coin.ZERO, type.lockingScript(keys));
        }
        int weight = tx.getWeight();
        int vsize = (weight + 3) / 4; // BIP141: weight / 4, rounded up
        return new Draft(tx, inputSat, paymentIndex, List.of(outputTypes), weight, vsize);
    }

    private final class Draft {
        private final Transaction tx;
        private final long inputSat;
        private final int paymentIndex;
        private final List<OutputType> outputTypes;
        private final int weight;
        private final int vsize;

        Draft(Transaction tx, long inputSat, int paymentIndex, List<OutputType> outputTypes, int weight,
                int vsize) {
            this.tx = tx;
            this.inputSat = inputSat;
            this.paymentIndex = paymentIndex;
            this.outputTypes = outputTypes;
            this.weight = weight;
            this.vsize = vsize;
        }

        int weight() {
            return weight;
        }

        /**
         * Sets the output values: fee = a random rate times the virtual size; the payment a random amount, or
         * 20-80% of what is left when the inputs hold less than that; the rest is change. Empty when the inputs
         * cannot pay the fee and leave every output above dust.
         */
        Optional<Payment> fund() {
            long feeSat = feeRateSatPerVbyte() * vsize;
            long available = inputSat - feeSat;
            boolean dataCarrier = outputTypes.get(paymentIndex) == OutputType.OP_RETURN;
            if (available < (dataCarrier ? DUST_SAT : 5 * DUST_SAT)) {
                return Optional.empty();
            }
            long paymentSat = 0;
            if (!dataCarrier) {
                paymentSat = paymentAmountSat();
                if (paymentSat > available - DUST_SAT) {
                    paymentSat = available / 5 + (long) (random.nextDouble() * (available * 3 / 5));
                }
            }
            int changeIndex = 1 - paymentIndex;
            // values do not change the size, so the fee stays right
            tx.replaceOutput(paymentIndex, tx.getOutput(paymentIndex).withValue(Coin.valueOf(paymentSat)));
            tx.replaceOutput(changeIndex, tx.getOutput(changeIndex).withValue(Coin.valueOf(available - paymentSat)));
            return Optional.of(new Payment(tx, feeSat, weight, outputTypes));
        }
    }

    /** Mostly 1-10 sat/vB, sometimes 10-50, rarely 50-200: a quiet mempool with the odd rush. */
    private long feeRateSatPerVbyte() {
        int r = random.nextInt(100);
        if (r < 70) {
            return 1 + random.nextInt(10);
        }
        if (r < 95) {
            return 10 + random.nextInt(40);
        }
        return 50 + random.nextInt(150);
    }

    /** 10,000 sat to 10 BTC, spread evenly over the orders of magnitude; a quarter of them round amounts. */
    private long paymentAmountSat() {
        long unit = 10_000L;
        for (int e = random.nextInt(6); e > 0; e--) {
            unit *= 10;
        }
        if (random.nextInt(4) == 0) {
            return unit * (1 + random.nextInt(9));
        }
        return unit + (long) (random.nextDouble() * 9 * unit);
    }

    private static OutputType[] weighted(Object... typesAndWeights) {
        List<OutputType> table = new ArrayList<>();
        for (int i = 0; i < typesAndWeights.length; i += 2) {
            OutputType type = (OutputType) typesAndWeights[i];
            int weight = (Integer) typesAndWeights[i + 1];
            for (int w = 0; w < weight; w++) {
                table.add(type);
            }
        }
        return table.toArray(new OutputType[0]);
    }
}
