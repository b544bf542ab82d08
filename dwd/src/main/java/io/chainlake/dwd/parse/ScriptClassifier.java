package io.chainlake.dwd.parse;

/**
 * Classifies an output script (scriptPubKey) exactly as Bitcoin Core's {@code Solver} in
 * {@code src/script/solver.cpp} does, checked in the same order: P2SH, witness programs (v0 key/script hash, v1
 * taproot, pay-to-anchor, other versions), OP_RETURN data, P2PK, P2PKH, bare multisig; anything else, including a
 * script whose pushes run past its end, is {@link ScriptType#NONSTANDARD}.
 *
 * <p>Core's rules are byte patterns plus its script-op reader ({@code GetScriptOp}); both are mirrored here rather
 * than delegated to bitcoinj's {@code ScriptPattern}, whose rules differ at the edges (it takes any script that starts
 * with OP_RETURN as data, needs the whole script to parse, and has no pay-to-anchor). Multisig follows current Core:
 * m and n are OP_1..OP_16 or a minimally pushed number, 1 &lt;= m &lt;= n &lt;= 20 ({@code MAX_PUBKEYS_PER_MULTISIG}),
 * n keys of valid size.
 */
public final class ScriptClassifier {

    static final int OP_0 = 0x00;
    static final int OP_PUSHDATA1 = 0x4c;
    static final int OP_PUSHDATA2 = 0x4d;
    static final int OP_PUSHDATA4 = 0x4e;
    static final int OP_1 = 0x51;
    static final int OP_16 = 0x60;
    static final int OP_RETURN = 0x6a;
    static final int OP_DUP = 0x76;
    static final int OP_EQUAL = 0x87;
    static final int OP_EQUALVERIFY = 0x88;
    static final int OP_HASH160 = 0xa9;
    static final int OP_CHECKSIG = 0xac;
    static final int OP_CHECKMULTISIG = 0xae;
    private static final int OP_INVALIDOPCODE = 0xff;

    private static final int MAX_PUBKEYS_PER_MULTISIG = 20;
    private static final int COMPRESSED_PUBKEY_SIZE = 33;
    private static final int PUBKEY_SIZE = 65;

    private ScriptClassifier() {
    }

    /** The Core type of {@code script}; never null. */
    public static ScriptType classify(byte[] script) {
        if (isPayToScriptHash(script)) {
            return ScriptType.SCRIPTHASH;
        }
        if (isWitnessProgram(script)) {
            int version = witnessVersion(script);
            int programLength = script.length - 2;
            if (version == 0 && programLength == 20) {
                return ScriptType.WITNESS_V0_KEYHASH;
            }
            if (version == 0 && programLength == 32) {
                return ScriptType.WITNESS_V0_SCRIPTHASH;
            }
            if (version == 1 && programLength == 32) {
                return ScriptType.WITNESS_V1_TAPROOT;
            }
            if (isPayToAnchor(script)) {
                return ScriptType.ANCHOR;
            }
            return version != 0 ? ScriptType.WITNESS_UNKNOWN : ScriptType.NONSTANDARD;
        }
        if (script.length >= 1 && u8(script, 0) == OP_RETURN && isPushOnly(script, 1)) {
            return ScriptType.NULL_DATA;
        }
        if (isPayToPubKey(script)) {
            return ScriptType.PUBKEY;
        }
        if (isPayToPubKeyHash(script)) {
            return ScriptType.PUBKEYHASH;
        }
        if (isMultisig(script)) {
            return ScriptType.MULTISIG;
        }
        return ScriptType.NONSTANDARD;
    }

    /**
     * The witness version (0..16) of a script for which {@link #classify} returned a witness type
     * ({@link ScriptType#isWitnessProgram()}); the program is {@code script[2..]}.
     */
    static int witnessVersion(byte[] script) {
        int opcode = u8(script, 0);
        return opcode == OP_0 ? 0 : opcode - OP_1 + 1;
    }

    /** Core {@code CScript::IsPayToScriptHash}: OP_HASH160 PUSH20 &lt;hash&gt; OP_EQUAL. */
    private static boolean isPayToScriptHash(byte[] s) {
        return s.length == 23 && u8(s, 0) == OP_HASH160 && u8(s, 1) == 20 && u8(s, 22) == OP_EQUAL;
    }

    /** Core {@code CScript::IsWitnessProgram}: OP_0 or OP_1..OP_16, then one direct push of 2..40 bytes. */
    private static boolean isWitnessProgram(byte[] s) {
        if (s.length < 4 || s.length > 42) {
            return false;
        }
        int opcode = u8(s, 0);
        if (opcode != OP_0 && (opcode < OP_1 || opcode > OP_16)) {
            return false;
        }
        return u8(s, 1) + 2 == s.length;
    }

    /** Core {@code CScript::IsPayToAnchor}: OP_1 PUSH2 0x4e73. */
    private static boolean isPayToAnchor(byte[] s) {
        return s.length == 4 && u8(s, 0) == OP_1 && u8(s, 1) == 0x02 && u8(s, 2) == 0x4e && u8(s, 3) == 0x73;
    }

    /** Core {@code MatchPayToPubkey}: a direct push of a 65- or 33-byte key of valid size, then OP_CHECKSIG. */
    private static boolean isPayToPubKey(byte[] s) {
        int n = s.length;
        if (n == PUBKEY_SIZE + 2 && u8(s, 0) == PUBKEY_SIZE && u8(s, n - 1) == OP_CHECKSIG) {
            return isValidPubKeySize(s, 1, PUBKEY_SIZE);
        }
        if (n == COMPRESSED_PUBKEY_SIZE + 2 && u8(s, 0) == COMPRESSED_PUBKEY_SIZE && u8(s, n - 1) == OP_CHECKSIG) {
            return isValidPubKeySize(s, 1, COMPRESSED_PUBKEY_SIZE);
        }
        return false;
    }

    /** Core {@code CScript::IsPayToPubKeyHash}: OP_DUP OP_HASH160 PUSH20 &lt;hash&gt; OP_EQUALVERIFY OP_CHECKSIG. */
    private static boolean isPayToPubKeyHash(byte[] s) {
        return s.length == 25 && u8(s, 0) == OP_DUP && u8(s, 1) == OP_HASH160 && u8(s, 2) == 20
                && u8(s, 23) == OP_EQUALVERIFY && u8(s, 24) == OP_CHECKSIG;
    }

    /** Core {@code MatchMultisig}. */
    private static boolean isMultisig(byte[] s) {
        if (s.length < 1 || u8(s, s.length - 1) != OP_CHECKMULTISIG) {
            return false;
        }
        ScriptOpReader ops = new ScriptOpReader(s, 0);
        if (!ops.next()) {
            return false;
        }
        int required = scriptNumber(ops, 1, MAX_PUBKEYS_PER_MULTISIG);
        if (required < 0) {
            return false;
        }
        int keys = 0;
        while (ops.next() && isValidPubKeySize(s, ops.dataStart, ops.dataLength)) {
            keys++;
        }
        int declared = scriptNumber(ops, required, MAX_PUBKEYS_PER_MULTISIG);
        return declared >= 0 && keys == declared && ops.position + 1 == s.length;
    }

    /** Core {@code CScript::IsPushOnly(pc)}: every op from {@code from} on parses and is at most OP_16. */
    private static boolean isPushOnly(byte[] s, int from) {
        ScriptOpReader ops = new ScriptOpReader(s, from);
        while (ops.position < s.length) {
            if (!ops.next() || ops.opcode > OP_16) {
                return false;
            }
        }
        return true;
    }

    /** Core {@code CPubKey::ValidSize}: the first byte fixes the length (02/03: 33, 04/06/07: 65). */
    private static boolean isValidPubKeySize(byte[] s, int start, int length) {
        if (length <= 0) {
            return false;
        }
        int expected = switch (u8(s, start)) {
            case 2, 3 -> COMPRESSED_PUBKEY_SIZE;
            case 4, 6, 7 -> PUBKEY_SIZE;
            default -> 0;
        };
        return expected == length;
    }

    /**
     * Core {@code GetScriptNumber}: OP_1..OP_16, or a minimal push of a minimally encoded number; the number if it is
     * in [min, max], else -1.
     */
    private static int scriptNumber(ScriptOpReader op, int min, int max) {
        int value;
        if (op.opcode >= OP_1 && op.opcode <= OP_16) {
            value = op.opcode - OP_1 + 1;
        } else if (op.opcode <= OP_PUSHDATA4) {
            if (!op.isMinimalPush()) {
                return -1;
            }
            long number = op.minimalScriptNum();
            if (number == Long.MIN_VALUE) {
                return -1;
            }
            value = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
        } else {
            return -1;
        }
        return value < min || value > max ? -1 : value;
    }

    private static int u8(byte[] s, int index) {
        return s[index] & 0xff;
    }

    /** Core's {@code GetScriptOp}: one opcode and, for pushes, the position and length of its data. */
    private static final class ScriptOpReader {
        private final byte[] script;
        int position;
        int opcode;
        int dataStart;
        int dataLength;

        ScriptOpReader(byte[] script, int position) {
            this.script = script;
            this.position = position;
        }

        /** Reads the next op; false (opcode OP_INVALIDOPCODE, no data) at the end or when a push runs past it. */
        boolean next() {
            opcode = OP_INVALIDOPCODE;
            dataStart = position;
            dataLength = 0;
            int end = script.length;
            if (position >= end) {
                return false;
            }
            int op = u8(script, position++);
            if (op <= OP_PUSHDATA4) {
                long size;
                if (op < OP_PUSHDATA1) {
                    size = op;
                } else if (op == OP_PUSHDATA1) {
                    if (end - position < 1) {
                        return false;
                    }
                    size = u8(script, position);
                    position += 1;
                } else if (op == OP_PUSHDATA2) {
                    if (end - position < 2) {
                        return false;
                    }
                    size = u8(script, position) | u8(script, position + 1) << 8;
                    position += 2;
                } else {
                    if (end - position < 4) {
                        return false;
                    }
                    size = (u8(script, position) | u8(script, position + 1) << 8 | u8(script, position + 2) << 16
                            | (long) u8(script, position + 3) << 24);
                    position += 4;
                }
                if (end - position < size) {
                    return false;
                }
                dataStart = position;
                dataLength = (int) size;
                position += (int) size;
            }
            opcode = op;
            return true;
        }

        /** Core {@code CheckMinimalPush} for the current push op. */
        boolean isMinimalPush() {
            if (dataLength == 0) {
                return opcode == OP_0;
            }
            int first = u8(script, dataStart);
            if (dataLength == 1 && first >= 1 && first <= 16) {
                return false;
            }
            if (dataLength == 1 && first == 0x81) {
                return false;
            }
            if (dataLength <= 75) {
                return opcode == dataLength;
            }
            if (dataLength <= 255) {
                return opcode == OP_PUSHDATA1;
            }
            if (dataLength <= 65535) {
                return opcode == OP_PUSHDATA2;
            }
            return true;
        }

        /**
         * Core {@code CScriptNum(data, fRequireMinimal = true)} with the default 4-byte limit; Long.MIN_VALUE where
         * Core throws {@code scriptnum_error} (too long or not minimally encoded).
         */
        long minimalScriptNum() {
            if (dataLength > 4) {
                return Long.MIN_VALUE;
            }
            if (dataLength == 0) {
                return 0;
            }
            int last = u8(script, dataStart + dataLength - 1);
            if ((last & 0x7f) == 0 && (dataLength <= 1 || (u8(script, dataStart + dataLength - 2) & 0x80) == 0)) {
                return Long.MIN_VALUE;
            }
            long result = 0;
            for (int i = 0; i < dataLength; i++) {
                result |= (long) u8(script, dataStart + i) << (8 * i);
            }
            if ((last & 0x80) != 0) {
                return -(result & ~(0x80L << (8 * (dataLength - 1))));
            }
            return result;
        }
    }
}
