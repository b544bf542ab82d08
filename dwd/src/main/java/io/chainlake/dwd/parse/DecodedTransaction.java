package io.chainlake.dwd.parse;

import java.util.List;

/**
 * One transaction of a block, with the sizes and hashes Bitcoin Core's {@code getrawtransaction} reports.
 *
 * @param txIndex        position in the block, coinbase = 0
 * @param txid           hash of the serialization without witness, hex in display order
 * @param wtxid          hash of the full serialization (Core's {@code hash}); equals txid without witness
 * @param version        nVersion as the unsigned 32-bit value it is serialized as
 * @param locktime       nLockTime (uint32)
 * @param size           serialized bytes including witness data
 * @param strippedSize   serialized bytes without witness data (marker, flag and witnesses)
 * @param weight         strippedSize * 3 + size (BIP141)
 * @param vsize          weight / 4 rounded up
 * @param coinbase       one input spending the null outpoint (Core {@code IsCoinBase})
 * @param hasWitness     serialized with witness data (BIP144)
 * @param rbfSignaling   some input has nSequence &lt; 0xfffffffe (BIP125 opt-in)
 * @param outputValueSat sum of output values in satoshi
 */
public record DecodedTransaction(
        int txIndex,
        String txid,
        String wtxid,
        long version,
        long locktime,
        int size,
        int strippedSize,
        int weight,
        int vsize,
        boolean coinbase,
        boolean hasWitness,
        boolean rbfSignaling,
        long outputValueSat,
        List<DecodedInput> inputs,
        List<DecodedOutput> outputs) {
}
