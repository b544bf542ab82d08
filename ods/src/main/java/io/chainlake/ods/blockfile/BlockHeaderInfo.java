package io.chainlake.ods.blockfile;

/**
 * What a block says about itself: its header fields plus counts and sizes, as Bitcoin Core's {@code getblock}
 * reports them.
 *
 * @param blockHash     block hash, hex in display byte order (as explorers show it)
 * @param prevBlockHash previous block's hash, display byte order
 * @param version       block version, a signed int32
 * @param merkleRoot    merkle root from the header, display byte order (checked against the transactions)
 * @param time          header time, unix seconds
 * @param bits          compact difficulty target, uint32
 * @param nonce         nonce, uint32
 * @param txCount       number of transactions
 * @param bip34Height   height the coinbase scriptSig commits to per BIP34, or null when the version is below 2
 *                      or the scriptSig does not start with a minimal height push
 * @param size          serialized size in bytes, witness data included
 * @param strippedSize  serialized size without witness data
 * @param weight        {@code strippedSize * 3 + size} (BIP141)
 */
public record BlockHeaderInfo(
        String blockHash,
        String prevBlockHash,
        long version,
        String merkleRoot,
        long time,
        long bits,
        long nonce,
        int txCount,
        Integer bip34Height,
        int size,
        int strippedSize,
        int weight) {
}
