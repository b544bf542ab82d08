package io.chainlake.orchestration.synthetic;

import org.bitcoinj.base.Sha256Hash;

/** An unspent output: where it is, what it holds, and how it is locked (which decides how it is spent). */
record Utxo(Sha256Hash txid, int index, long valueSat, OutputType type) {
}
