package io.chainlake.dwd.parse;

import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.internal.CryptoUtils;

/**
 * The address of an output script as block explorers show it: base58check (the network's version byte and the
 * hash, as bitcoinj's {@code LegacyAddress.toBase58} encodes it) for P2PKH and P2SH; for P2PK the P2PKH
 * address of its public key (hash160 of the key bytes as they are, compressed or not); bech32 (BIP173) for witness
 * version 0 and bech32m (BIP350) for versions 1..16, which includes taproot, pay-to-anchor ({@code bc1pfeessrawgf} on
 * mainnet) and unknown witness versions. Bare multisig, OP_RETURN data and non-standard scripts have no address:
 * null.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressEncoder {

    private final BitcoinNetwork network;
    // looked up once: bitcoinj finds them by streaming over its header table on every call
    private final int pubKeyHashVersion;
    private final int scriptHashVersion;
    private final String segwitHrp;

    public AddressEncoder(BitcoinNetwork network) {
        this.network = network;
        this.pubKeyHashVersion = network.legacyAddressHeader();
        this.scriptHashVersion = network.legacyP2SHHeader();
        this.segwitHrp = network.segwitAddressHrp();
    }

    public BitcoinNetwork network() {
        return network;
    }

    /** The address of {@code script}, or null when it has none. */
    public String address(byte[] script) {
        return address(script, ScriptClassifier.classify(script));
    }

    /**
     * The address of {@code script} already classified as {@code type} by {@link ScriptClassifier#classify}, or null
     * when it has none. A type that does not match the script gives a wrong answer or an exception.
     */
    public String address(byte[] script, ScriptType type) {
        return switch (type) {
            case PUBKEYHASH -> Base58.encodeChecked(pubKeyHashVersion, Arrays.copyOfRange(script, 3, 23));
            case SCRIPTHASH -> Base58.encodeChecked(scriptHashVersion, Arrays.copyOfRange(script, 2, 22));
            case PUBKEY -> Base58.encodeChecked(pubKeyHashVersion,
                    CryptoUtils.sha256hash160(Arrays.copyOfRange(script, 1, script.length - 1)));
            case WITNESS_V0_KEYHASH, WITNESS_V0_SCRIPTHASH, WITNESS_V1_TAPROOT, ANCHOR, WITNESS_UNKNOWN ->
                    segwitAddress(ScriptClassifier.witnessVersion(script),
                            Arrays.copyOfRange(script, 2, script.length));
            case MULTISIG, NULL_DATA, NONSTANDARD -> null;
        };
    }

    /**
     * Bech32 or bech32m of a witness program. bitcoinj's {@code SegwitAddress} refuses version-1 programs that are
     * not 32 bytes (the anchor is 2), so the words are handed to {@link Bech32#encode} directly.
     */
    private String segwitAddress(int version, byte[] program) {
        Bech32.Encoding encoding = version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
        return Bech32.encode(encoding, segwitHrp, new WitnessWords(version, program));
    }

    /** The 5-bit words of a segwit address payload: the witness version, then the program regrouped 8→5 bits. */
    private static final class WitnessWords extends Bech32.Bech32Bytes {
        WitnessWords(int version, byte[] program) {
            super(words(version, program));
        }

        private static byte[] words(int version, byte[] program) {
            byte[] words = new byte[1 + (program.length * 8 + 4) / 5];
            words[0] = (byte) version;
            int index = 1;
            int accumulator = 0;
            int bits = 0;
            for (byte b : program) {
                accumulator = ((accumulator << 8) | (b & 0xff)) & 0x1fff;
                bits += 8;
                while (bits >= 5) {
                    bits -= 5;
                    words[index++] = (byte) ((accumulator >>> bits) & 0x1f);
                }
            }
            if (bits > 0) {
                words[index] = (byte) ((accumulator << (5 - bits)) & 0x1f);
            }
            return words;
        }
    }
}
