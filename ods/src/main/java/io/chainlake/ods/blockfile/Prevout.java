package io.chainlake.ods.blockfile;

/**
 * A transaction output that a block spends, as a prevouts file gives it.
 *
 * @param txid            id of the transaction that created the output, hex in display byte order
 * @param vout            index of the output in that transaction
 * @param valueSat        value in satoshi
 * @param scriptPubKeyHex the output script, lower-case hex
 * @param height          height of the block that created the output
 * @param isCoinbase      whether the creating transaction is a coinbase
 */
public record Prevout(String txid, int vout, long valueSat, String scriptPubKeyHex, int height, boolean isCoinbase) {
}
