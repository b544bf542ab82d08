package io.chainlake.dws.pow;

import io.chainlake.ods.blockfile.Network;

import java.math.BigInteger;

/**
 * The retargeting part of Bitcoin Core's {@code Consensus::Params} per network (src/kernel/chainparams.cpp):
 * {@code powLimit}, {@code fPowNoRetargeting} and {@code nPowTargetTimespan} (two weeks everywhere). Networks go by
 * the names the chainlake CLI uses ({@code main}, {@code testnet3}, {@code testnet4}, {@code signet},
 * {@code regtest}); Core's own chain name {@code test} and the {@code -testnet} spelling mean testnet3.
 */
public enum ConsensusParams {
    MAIN("main", "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false),
    TESTNET3("testnet3", "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false),
    /** Testnet4 retargets from the first block of the period (BIP94, {@code enforce_BIP94}). */
    TESTNET4("testnet4", "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false),
    SIGNET("signet", "00000377ae000000000000000000000000000000000000000000000000000000", false),
    /** Regtest never retargets: {@code CalculateNextWorkRequired} returns the last block's bits. */
    REGTEST("regtest", "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", true);

    /** nPowTargetTimespan: 14 * 24 * 60 * 60 seconds. */
    public static final long POW_TARGET_TIMESPAN_S = 14L * 24 * 60 * 60;

    private final String networkName;
    private final BigInteger powLimit;
    private final boolean powNoRetargeting;

    ConsensusParams(String networkName, String powLimitHex, boolean powNoRetargeting) {
        this.networkName = networkName;
        this.powLimit = new BigInteger(powLimitHex, 16);
        this.powNoRetargeting = powNoRetargeting;
    }

    /**
     * The parameters of the network called {@code name}: names are read by the project's one parser,
     * {@link Network#fromCliName}, which throws naming the accepted names otherwise.
     */
    public static ConsensusParams forNetwork(String name) {
        return valueOf(Network.fromCliName(name).name());
    }

    public String networkName() {
        return networkName;
    }

    /** The easiest target the network allows. */
    public BigInteger powLimit() {
        return powLimit;
    }

    public boolean powNoRetargeting() {
        return powNoRetargeting;
    }
}
