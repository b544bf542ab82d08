package io.chainlake.orchestration;

import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareEvent;
import java.nio.charset.StandardCharsets;

/** btcpool shares as the CLI tests write them into share logs: status codes, a share of a known block, a JSON line. */
final class ShareFixtures {

    // btcpool StratumStatus codes (data/README.md)
    static final int ACCEPT = 1798084231;
    static final int ACCEPT_STALE = 950395421;
    static final int SOLVED = 1422486894;
    static final int LOW_DIFFICULTY = 23;
    /** Bits of mainnet block 100000: difficulty 14484.1623612254 (block explorers). */
    static final long BLOCK_100000_BITS = 0x1b04864cL;
    /** 2024-03-01T12:00:00Z */
    static final long T0 = 1709294400L;

    private ShareFixtures() {}

    /** A version-65540 share of difficulty 65536 against block 100000's bits, from 192.0.2.7. */
    static ShareEvent share(long worker, int user, int status, long timestamp, long nonce) {
        return new ShareEvent(65540, worker, user, status, timestamp, "192.0.2.7", (T0 << 32) | 1, 65536,
                BLOCK_100000_BITS, 100000, nonce, 77, 0x1fffe000L, null, null);
    }

    /** The share as a line of a JSON share log. */
    static String line(ShareEvent s) {
        return new String(ShareEncoding.JSON.encode(s), StandardCharsets.UTF_8);
    }
}
