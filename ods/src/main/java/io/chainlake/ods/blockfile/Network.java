package io.chainlake.ods.blockfile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bitcoinj.base.BitcoinNetwork;

/**
 * The Bitcoin networks whose block files chainlake reads.
 *
 * <p>Magic bytes are {@code pchMessageStart} from Bitcoin Core's {@code src/kernel/chainparams.cpp}: the four
 * bytes that open every message on the wire and every block record in {@code blk*.dat}. Testnet4 reuses
 * testnet3's address prefixes ({@code m}/{@code n}/{@code 2}, {@code tb1}), so both map to bitcoinj's
 * {@link BitcoinNetwork#TESTNET}.
 */
public enum Network {
    MAIN("main", 0xf9beb4d9, BitcoinNetwork.MAINNET, 210_000,
            "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    TESTNET3("testnet3", 0x0b110907, BitcoinNetwork.TESTNET, 210_000,
            "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    TESTNET4("testnet4", 0x1c163f28, BitcoinNetwork.TESTNET, 210_000,
            "00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    /** The default signet (no {@code -signetchallenge}); a custom signet has its own magic. */
    SIGNET("signet", 0x0a03cf40, BitcoinNetwork.SIGNET, 210_000,
            "00000377ae000000000000000000000000000000000000000000000000000000"),
    REGTEST("regtest", 0xfabfb5da, BitcoinNetwork.REGTEST, 150,
            "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

    private final String cliName;
    private final int magic;
    private final BitcoinNetwork addressNetwork;
    private final int halvingInterval;
    private final BigInteger powLimit;

    Network(String cliName, int magic, BitcoinNetwork addressNetwork, int halvingInterval, String powLimitHex) {
        this.cliName = cliName;
        this.magic = magic;
        this.addressNetwork = addressNetwork;
        this.halvingInterval = halvingInterval;
        this.powLimit = new BigInteger(powLimitHex, 16);
    }

    /** {@code consensus.powLimit} of Bitcoin Core's chainparams: the easiest target a header may have. */
    public BigInteger powLimit() {
        return powLimit;
    }

    /** The name used on the command line and in config: {@code main}, {@code testnet3}, ... */
    public String cliName() {
        return cliName;
    }

    /** The magic as a big-endian int: its bytes, most significant first, are the bytes on disk. */
    public int magic() {
        return magic;
    }

    /** The magic bytes in the order they appear in a block file, e.g. {@code f9 be b4 d9} for main. */
    public byte[] magicBytes() {
        return new byte[] {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic};
    }

    /** The magic as 8 lower-case hex digits, e.g. {@code f9beb4d9}. */
    public String magicHex() {
        return String.format("%08x", magic);
    }

    /** The bitcoinj network whose address prefixes encode this network's addresses. */
    public BitcoinNetwork addressNetwork() {
        return addressNetwork;
    }

    /** Blocks between subsidy halvings ({@code consensus.nSubsidyHalvingInterval}). */
    public int halvingInterval() {
        return halvingInterval;
    }

    /**
     * The network for a command-line name; {@code test} and {@code testnet} are accepted for testnet3,
     * as Bitcoin Core's {@code -testnet} means testnet3.
     *
     * @throws IllegalArgumentException naming the bad value and the valid names
     */
    public static Network fromCliName(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("test") || n.equals("testnet")) {
                return TESTNET3;
            }
            for (Network network : values()) {
                if (network.cliName.equals(n)) {
                    return network;
                }
            }
        }
        String valid = Arrays.stream(values()).map(Network::cliName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "unknown network '" + name + "'; valid names: " + valid + " (test and testnet mean testnet3)");
    }
}
