package io.chainlake.ods.blockfile;

import static org.bitcoinj.script.ScriptOpCodes.OP_0;
import static org.bitcoinj.script.ScriptOpCodes.OP_1;
import static org.bitcoinj.script.ScriptOpCodes.OP_16;

import org.bitcoinj.script.Script;

/**
 * The block height a coinbase commits to under BIP34: its scriptSig must start with exactly what Bitcoin Core's
 * {@code CScript() << nHeight} writes - {@code OP_0} for 0, {@code OP_1..OP_16} for 1..16, otherwise a push of
 * the height as a minimal little-endian CScriptNum (1 to 8 bytes, sign bit clear).
 */
final class Bip34Height {

    private static final int MAX_NUM_BYTES = 8;

    private Bip34Height() {
    }

    /** The committed height, or null when the version is below 2 or the scriptSig does not start with one. */
    static Integer of(long version, byte[] coinbaseScriptSig) {
        if (version < 2 || coinbaseScriptSig.length == 0) {
            return null;
        }
        int op = coinbaseScriptSig[0] & 0xff;
        if (op == OP_0 || (op >= OP_1 && op <= OP_16)) {
            return Script.decodeFromOpN(op);
        }
        if (op > MAX_NUM_BYTES || coinbaseScriptSig.length < 1 + op) {
            return null;
        }
        int last = coinbaseScriptSig[op] & 0xff;
        if ((last & 0x80) != 0) {
            return null; // negative
        }
        if (last == 0 && (op == 1 || (coinbaseScriptSig[op - 1] & 0x80) == 0)) {
            return null; // a zero top byte is only minimal when the byte below needs its sign bit kept clear
        }
        long height = 0;
        for (int i = 0; i < op; i++) {
            height |= (coinbaseScriptSig[1 + i] & 0xffL) << (8 * i);
        }
        if (height <= 16 || height > Integer.MAX_VALUE) {
            return null; // CScript writes 0..16 as opcodes, so a push of them is not the BIP34 form
        }
        return (int) height;
    }
}
