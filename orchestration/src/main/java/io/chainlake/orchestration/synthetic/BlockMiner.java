package io.chainlake.orchestration.synthetic;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Turns a block's payments into a mined regtest block: a coinbase paying subsidy plus fees, with the BIP34 height
 * and, when a payment has a witness, the BIP141 witness commitment; the merkle root; and a nonce that meets the
 * regtest target.
 */
final class BlockMiner {

    /** Regtest {@code powLimit} in compact form ({@code genesis.nBits} of Bitcoin Core's regtest chainparams). */
    static final long REGTEST_BITS = 0x207f_ffffL;

    /** BIP9 version bits with no deployment signalled, as Bitcoin Core mines today. */
    static final long BLOCK_VERSION = 0x2000_0000L;

    /** Regtest {@code consensus.nSubsidyHalvingInterval}. */
    static final int REGTEST_HALVING_INTERVAL = 150;

    /** BIP141 {@code MAX_BLOCK_WEIGHT}. */
    static final int MAX_BLOCK_WEIGHT = 4_000_000;

    /** Weight set aside for the header, the transaction count and the coinbase. */
    static final int COINBASE_RESERVE_WEIGHT = 4_000;

    /** BIP141 witness commitment header, after {@code OP_RETURN} and the 36-byte push. */
    private static final byte[] WITNESS_COMMITMENT_HEADER = {(byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed};

    /** BIP141 witness reserved value: the coinbase input's single witness item. */
    private static final byte[] WITNESS_RESERVED_VALUE = new byte[32];

    /** Position of the nonce in the 80-byte header: after version, previous hash, merkle root, time and bits. */
    private static final int NONCE_OFFSET = 76;

    private static final byte[] COINBASE_TAG = "/chainlake synthetic/".getBytes(StandardCharsets.US_ASCII);

    private static final OutputType[] PAYOUT_TYPES = {
        OutputType.P2WPKH, OutputType.P2WPKH, OutputType.P2WPKH, OutputType.P2WPKH, OutputType.P2WPKH,
        OutputType.P2WPKH, OutputType.P2PKH, OutputType.P2PKH, OutputType.P2SH, OutputType.P2TR
    };

    private final Random random;
    private final RandomKeyMaterial keys;

    BlockMiner(Random random, RandomKeyMaterial keys) {
        this.random = random;
        this.keys = keys;
    }

    /** A mined block and its coinbase payout output (index 0 of the coinbase). */
    record Mined(SyntheticBlock block, Utxo payout) {
    }

    /** Bitcoin Core's {@code GetBlockSubsidy} with the regtest halving interval. */
    static long subsidySat(int height) {
        int halvings = height / REGTEST_HALVING_INTERVAL;
        return halvings >= 64 ? 0 : (50 * Coin.COIN.value) >> halvings;
    }

    Mined mine(int height, Sha256Hash prevHash, Instant time, List<Transaction> payments, long feesSat) {
        OutputType payoutType = PAYOUT_TYPES[random.nextInt(PAYOUT_TYPES.length)];
        Transaction coinbase = coinbase(height, payoutType, subsidySat(height) + feesSat);
        if (payments.stream().anyMatch(Transaction::hasWitnesses)) {
            // the coinbase counts as wtxid 0 in the witness tree, so its own commitment does not change the root
            Sha256Hash witnessRoot = new Block(BLOCK_VERSION, prevHash, null, time, REGTEST_BITS, 0,
                    withCoinbase(coinbase, payments)).getWitnessRoot();
            commitWitnesses(coinbase, witnessRoot);
        }
        Block block = new Block(BLOCK_VERSION, prevHash, null, time, REGTEST_BITS, 0, withCoinbase(coinbase, payments));
        byte[] raw = block.serialize();
        Sha256Hash hash = solve(raw, block.getDifficultyTargetAsInteger());
        SyntheticBlock mined = new SyntheticBlock(hash, height, prevHash, time, payments.size() + 1, raw);
        Utxo payout = new Utxo(coinbase.getTxId(), 0, coinbase.getOutput(0).getValue().value, payoutType);
        return new Mined(mined, payout);
    }

    /**
     * Proof of work: increments the header's nonce (bytes 76..79 of {@code raw}, little-endian) until the header's
     * double SHA-256, read as a 256-bit little-endian number, is at most {@code target}; leaves that nonce in
     * {@code raw} and returns the block hash. Done here rather than with bitcoinj's {@code Block.solve()}, which
     * needs a global bitcoinj {@code Context}, and on the serialized header so the block is serialized once.
     */
    static Sha256Hash solve(byte[] raw, BigInteger target) {
        for (long nonce = 0; nonce <= 0xffff_ffffL; nonce++) {
            raw[NONCE_OFFSET] = (byte) nonce;
            raw[NONCE_OFFSET + 1] = (byte) (nonce >>> 8);
            raw[NONCE_OFFSET + 2] = (byte) (nonce >>> 16);
            raw[NONCE_OFFSET + 3] = (byte) (nonce >>> 24);
            Sha256Hash hash = Sha256Hash.wrapReversed(Sha256Hash.hashTwice(raw, 0, Block.HEADER_SIZE));
            if (hash.toBigInteger().compareTo(target) <= 0) {
                return hash;
            }
        }
        throw new IllegalStateException("no nonce meets target " + target.toString(16) + " for block "
                + Sha256Hash.wrapReversed(Sha256Hash.hashTwice(raw, 0, Block.HEADER_SIZE)));
    }

    /** scriptSig: the BIP34 height as Bitcoin Core pushes it ({@code CScript() << nHeight}), extra nonce, tag. */
    private Transaction coinbase(int height, OutputType payoutType, long valueSat) {
        byte[] scriptSig = new ScriptBuilder()
                .number(height)
                .data(keys.bytes(8))
                .data(COINBASE_TAG)
                .build()
                .program();
        Transaction coinbase = Transaction.coinbase(scriptSig);
        coinbase.setVersion(2);
        coinbase.addOutput(Coin.valueOf(valueSat), payoutType.lockingScript(keys));
        return coinbase;
    }

    /**
     * BIP141: an output {@code OP_RETURN 0x24 aa21a9ed <SHA256d(witness root || reserved value)>} and the reserved
     * value (32 zero bytes) as the coinbase input's witness.
     */
    private static void commitWitnesses(Transaction coinbase, Sha256Hash witnessRoot) {
        byte[] commitment = Sha256Hash.hashTwice(witnessRoot.serialize(), WITNESS_RESERVED_VALUE);
        byte[] data = new byte[WITNESS_COMMITMENT_HEADER.length + commitment.length];
        System.arraycopy(WITNESS_COMMITMENT_HEADER, 0, data, 0, WITNESS_COMMITMENT_HEADER.length);
        System.arraycopy(commitment, 0, data, WITNESS_COMMITMENT_HEADER.length, commitment.length);
        coinbase.addOutput(Coin.ZERO, ScriptBuilder.createOpReturnScript(data));
        coinbase.replaceInput(0, coinbase.getInput(0).withWitness(TransactionWitness.of(WITNESS_RESERVED_VALUE)));
    }

    private static List<Transaction> withCoinbase(Transaction coinbase, List<Transaction> payments) {
        List<Transaction> all = new ArrayList<>(payments.size() + 1);
        all.add(coinbase);
        all.addAll(payments);
        return all;
    }
}
