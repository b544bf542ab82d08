package io.chainlake.orchestration.synthetic;

import java.util.Random;

/**
 * Deterministic stand-ins for keys, hashes and signatures: random bytes of the real sizes and shapes. None of them
 * is a valid key or signature - nobody verifies synthetic blocks' scripts.
 */
final class RandomKeyMaterial {

    /** SIGHASH_ALL, the last byte of an ECDSA signature push. */
    private static final byte SIGHASH_ALL = 0x01;

    private final Random random;

    RandomKeyMaterial(Random random) {
        this.random = random;
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A HASH160 (RIPEMD-160 of SHA-256), as in P2PKH, P2SH and P2WPKH scripts. */
    byte[] hash160() {
        return bytes(20);
    }

    /** A SHA-256, as in a P2WSH script. */
    byte[] sha256() {
        return bytes(32);
    }

    /** A 33-byte compressed public key: 02 or 03, then the 32-byte x coordinate. */
    byte[] compressedPublicKey() {
        byte[] key = bytes(33);
        key[0] = (byte) ((key[0] & 1) == 0 ? 0x02 : 0x03);
        return key;
    }

    /** A 32-byte x-only (BIP340) public key, as in a P2TR script. */
    byte[] xOnlyPublicKey() {
        return bytes(32);
    }

    /**
     * A 72-byte strict-DER-shaped ECDSA signature with its sighash byte:
     * {@code 30 45 02 21 00 <r:32> 02 20 <s:32> 01}, r with its high bit set (hence the 00 pad) and a low s.
     */
    byte[] ecdsaSignature() {
        byte[] sig = new byte[72];
        byte[] r = bytes(32);
        byte[] s = bytes(32);
        r[0] |= (byte) 0x80;
        s[0] = (byte) ((s[0] & 0x3f) | 0x01);
        sig[0] = 0x30;
        sig[1] = 0x45;
        sig[2] = 0x02;
        sig[3] = 0x21;
        sig[4] = 0x00;
        System.arraycopy(r, 0, sig, 5, 32);
        sig[37] = 0x02;
        sig[38] = 0x20;
        System.arraycopy(s, 0, sig, 39, 32);
        sig[71] = SIGHASH_ALL;
        return sig;
    }

    /** A 64-byte BIP340 Schnorr signature (default sighash, so no sighash byte). */
    byte[] schnorrSignature() {
        return bytes(64);
    }
}
