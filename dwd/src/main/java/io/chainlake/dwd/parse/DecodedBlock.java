package io.chainlake.dwd.parse;

import java.util.List;

/**
 * A decoded block: its hash and its transactions in block order.
 *
 * @param blockHash    double SHA-256 of the 80-byte header, hex in display order
 * @param transactions the transactions, {@code transactions.get(i).txIndex() == i}
 */
public record DecodedBlock(String blockHash, List<DecodedTransaction> transactions) {
}
