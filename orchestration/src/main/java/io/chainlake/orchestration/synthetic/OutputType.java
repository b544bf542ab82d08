package io.chainlake.orchestration.synthetic;

import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptOpCodes;

/**
 * The output script types synthetic transactions use: how each locks an output, and what an input spending it
 * carries (scriptSig and witness) with random key material of the real sizes.
 */
enum OutputType {

    /** {@code OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG}; spent with {@code <sig> <pubkey>}. */
    P2PKH {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            return ScriptBuilder.createP2PKHOutputScript(keys.hash160());
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            byte[] scriptSig = new ScriptBuilder()
                    .data(keys.ecdsaSignature())
                    .data(keys.compressedPublicKey())
                    .build()
                    .program();
            return new Unlocking(scriptSig, TransactionWitness.EMPTY);
        }
    },

    /**
     * {@code OP_HASH160 <20> OP_EQUAL}; spent as P2SH-wrapped P2WPKH, the commonest P2SH spend: the scriptSig
     * pushes the redeem script {@code 0 <20>}, the witness holds signature and key.
     */
    P2SH {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            return ScriptBuilder.createP2SHOutputScript(keys.hash160());
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            byte[] redeemScript = ScriptBuilder.createP2WPKHOutputScript(keys.hash160()).program();
            byte[] scriptSig = new ScriptBuilder().data(redeemScript).build().program();
            return new Unlocking(scriptSig, TransactionWitness.of(keys.ecdsaSignature(), keys.compressedPublicKey()));
        }
    },

    /** {@code 0 <20>}; spent with witness {@code <sig> <pubkey>} and an empty scriptSig. */
    P2WPKH {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            return ScriptBuilder.createP2WPKHOutputScript(keys.hash160());
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            return new Unlocking(new byte[0],
                    TransactionWitness.of(keys.ecdsaSignature(), keys.compressedPublicKey()));
        }
    },

    /** {@code 0 <32>}; spent as a 2-of-3 multisig: witness {@code <> <sig> <sig> <witness script>}. */
    P2WSH {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            return ScriptBuilder.createP2WSHOutputScript(keys.sha256());
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            byte[] witnessScript = new ScriptBuilder()
                    .smallNum(2)
                    .data(keys.compressedPublicKey())
                    .data(keys.compressedPublicKey())
                    .data(keys.compressedPublicKey())
                    .smallNum(3)
                    .op(ScriptOpCodes.OP_CHECKMULTISIG)
                    .build()
                    .program();
            return new Unlocking(new byte[0], TransactionWitness.of(
                    new byte[0], keys.ecdsaSignature(), keys.ecdsaSignature(), witnessScript));
        }
    },

    /** {@code 1 <32>}; spent by key path: witness {@code <64-byte Schnorr sig>}. */
    P2TR {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            return new ScriptBuilder().smallNum(1).data(keys.xOnlyPublicKey()).build();
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            return new Unlocking(new byte[0], TransactionWitness.of(keys.schnorrSignature()));
        }
    },

    /** {@code <33-byte pubkey> OP_CHECKSIG}; spent with {@code <sig>}. */
    P2PK {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            return ScriptBuilder.createP2PKOutputScript(keys.compressedPublicKey());
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            byte[] scriptSig = new ScriptBuilder().data(keys.ecdsaSignature()).build().program();
            return new Unlocking(scriptSig, TransactionWitness.EMPTY);
        }
    },

    /** {@code OP_RETURN <20..80 bytes>}: a zero-value data carrier, never spent. */
    OP_RETURN {
        @Override
        Script lockingScript(RandomKeyMaterial keys) {
            int length = 20 + Byte.toUnsignedInt(keys.bytes(1)[0]) % 61;
            return ScriptBuilder.createOpReturnScript(keys.bytes(length));
        }

        @Override
        Unlocking unlocking(RandomKeyMaterial keys) {
            throw new IllegalStateException("an OP_RETURN output is unspendable");
        }

        @Override
        boolean spendable() {
            return false;
        }
    };

    /** A fresh locking script (scriptPubKey) of this type with random keys or hashes. */
    abstract Script lockingScript(RandomKeyMaterial keys);

    /** What an input spending an output of this type carries. */
    abstract Unlocking unlocking(RandomKeyMaterial keys);

    /** Whether outputs of this type can be spent (go to the UTXO pool). */
    boolean spendable() {
        return true;
    }

    /** An input's scriptSig bytes and witness. */
    record Unlocking(byte[] scriptSig, TransactionWitness witness) {
    }
}
