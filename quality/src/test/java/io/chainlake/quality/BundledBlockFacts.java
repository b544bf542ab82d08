package io.chainlake.quality;

/** Facts about the bundled blocks from data/README.md and block explorers (not from this program's output). */
final class BundledBlockFacts {

    /** Block 277647: with its prevouts every fee is known; the coinbase pays exactly 25 BTC + 4,737,355 sat fees. */
    static final String BLOCK_277647 = "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8";
    static final String COINBASE_277647 = "0fc1f998e6fc1fa43a879cea4a54fe9947e02b925ebc46237a2406c50e0f07ea";
    /** Block 170's first non-coinbase transaction: 10 BTC to Hal Finney, 40 BTC back, spending block 9's coinbase. */
    static final String TX_170 = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    static final String BLOCK_170 = "00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee";
    /** Block 181's non-coinbase transaction: 40 BTC in, 40 BTC out (fee 0). */
    static final String TX_181 = "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be";
    /** Block 9's coinbase, 50 BTC to a P2PK script. */
    static final String COINBASE_9 = "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9";
    /** Block 169482 (sample block, prevouts not bundled: fees unknown): a P2Pool coinbase with 208 outputs. */
    static final String COINBASE_169482 = "5baacd3ce43b29a17f7934c03a6dc0f90d898dbafee1e7dcc50366315369ef7a";

    private BundledBlockFacts() {}
}
