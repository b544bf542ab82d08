package io.chainlake.dwd.parse;

import java.util.List;

/**
 * One transaction input as serialized. For a coinbase input {@code prevTxid} is 64 zeros and {@code prevVout}
 * 4294967295, as in the raw data.
 *
 * @param vinIndex     position in the transaction's inputs, from 0
 * @param prevTxid     txid of the spent output's transaction, hex in display (RPC) order
 * @param prevVout     index of the spent output in that transaction (uint32)
 * @param sequence     nSequence (uint32)
 * @param scriptSigHex scriptSig, lowercase hex ("" when empty)
 * @param witnessItems witness stack items, lowercase hex each; empty when the input has no witness
 */
public record DecodedInput(
        int vinIndex,
        String prevTxid,
        long prevVout,
        long sequence,
        String scriptSigHex,
        List<String> witnessItems) {
}
