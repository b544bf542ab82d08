package io.chainlake.dwd.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-written scripts for each branch of Bitcoin Core's {@code Solver} (src/script/solver.cpp, with
 * {@code CScript::IsPayToScriptHash}, {@code IsWitnessProgram}, {@code IsPayToAnchor}, {@code IsPushOnly} in
 * src/script/script.cpp and {@code CPubKey::ValidSize} in src/pubkey.h); the expected names are Core's
 * {@code GetTxnOutputType}.
 */
class ScriptClassifierTest {

    private static final String HASH20 = "751e76e8199196d454941c45d1b3a323f1433bd6";
    private static final String HASH32 = "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262";

    @Test
    void payToPubKey() {
        assertType(ScriptType.PUBKEY, "21", key33("02"), "ac");
        assertType(ScriptType.PUBKEY, "21", key33("03"), "ac");
        assertType(ScriptType.PUBKEY, "41", key65("04"), "ac");
        assertType(ScriptType.PUBKEY, "41", key65("06"), "ac"); // hybrid keys are of valid size
        assertType(ScriptType.PUBKEY, "41", key65("07"), "ac");
    }

    @Test
    void payToPubKeyWithBadKeyIsNonstandard() {
        assertType(ScriptType.NONSTANDARD, "41", key65("05"), "ac"); // 65 bytes, prefix not 04/06/07
        assertType(ScriptType.NONSTANDARD, "41", key65("02"), "ac"); // 02 means 33 bytes
        assertType(ScriptType.NONSTANDARD, "21", key33("04"), "ac"); // 04 means 65 bytes
        assertType(ScriptType.NONSTANDARD, "21", key33("00"), "ac");
        assertType(ScriptType.NONSTANDARD, "21", key33("02"), "ad"); // OP_CHECKSIGVERIFY
        assertType(ScriptType.NONSTANDARD, "4c21", key33("02"), "ac"); // OP_PUSHDATA1: not the pattern
    }

    @Test
    void payToPubKeyHash() {
        assertType(ScriptType.PUBKEYHASH, "76a914", HASH20, "88ac");
        assertType(ScriptType.NONSTANDARD, "76a914", HASH20, "87ac");
        assertType(ScriptType.NONSTANDARD, "76a914", HASH20, "88ac00");
        assertType(ScriptType.NONSTANDARD, "76a913", HASH20.substring(2), "88ac");
    }

    @Test
    void payToScriptHash() {
        assertType(ScriptType.SCRIPTHASH, "a914", HASH20, "87");
        assertType(ScriptType.NONSTANDARD, "a914", HASH20, "88");
        assertType(ScriptType.NONSTANDARD, "a94c14", HASH20, "87"); // OP_PUSHDATA1 form is not P2SH
    }

    @Test
    void witnessPrograms() {
        assertType(ScriptType.WITNESS_V0_KEYHASH, "0014", HASH20);
        assertType(ScriptType.WITNESS_V0_SCRIPTHASH, "0020", HASH32);
        assertType(ScriptType.WITNESS_V1_TAPROOT, "5120", HASH32);
        assertType(ScriptType.ANCHOR, "51024e73");
        assertType(ScriptType.WITNESS_UNKNOWN, "51024e74"); // v1, 2 bytes, not the anchor
        assertType(ScriptType.WITNESS_UNKNOWN, "5114", HASH20); // v1 with 20 bytes
        assertType(ScriptType.WITNESS_UNKNOWN, "5221", HASH32, "00"); // v2, 33 bytes
        assertType(ScriptType.WITNESS_UNKNOWN, "6002751e"); // v16, 2 bytes (BIP350 test vector)
        assertType(ScriptType.WITNESS_UNKNOWN, "5228", HASH20, HASH20); // 40 bytes: the longest program
    }

    @Test
    void witnessVersionZeroWithOtherLengthsIsNonstandard() {
        assertType(ScriptType.NONSTANDARD, "0019", HASH20, "0102030405"); // 25 bytes
        assertType(ScriptType.NONSTANDARD, "0015", HASH20, "00");
        assertType(ScriptType.NONSTANDARD, "0002abcd");
    }

    @Test
    void scriptsThatAreNotWitnessPrograms() {
        assertType(ScriptType.NONSTANDARD, "5101ab"); // program of 1 byte: too short
        assertType(ScriptType.NONSTANDARD, "5229", HASH20, HASH20, "00"); // 41 bytes: too long
        assertType(ScriptType.NONSTANDARD, "4f02abcd"); // OP_1NEGATE is no witness version
        assertType(ScriptType.NONSTANDARD, "5103abcd"); // push length does not match the script
    }

    @Test
    void nullData() {
        assertType(ScriptType.NULL_DATA, "6a");
        assertType(ScriptType.NULL_DATA, "6a04deadbeef");
        assertType(ScriptType.NULL_DATA, "6a4c03aabbcc"); // OP_PUSHDATA1
        assertType(ScriptType.NULL_DATA, "6a4d0300aabbcc"); // OP_PUSHDATA2
        assertType(ScriptType.NULL_DATA, "6a4e03000000aabbcc"); // OP_PUSHDATA4
        assertType(ScriptType.NULL_DATA, "6a00515f60"); // OP_0, OP_1, OP_15, OP_16 count as pushes
        assertType(ScriptType.NULL_DATA, "6a4f50"); // OP_1NEGATE and OP_RESERVED are <= OP_16 too
        assertType(ScriptType.NULL_DATA, "6a24aa21a9ed", HASH32); // witness commitment
    }

    @Test
    void opReturnFollowedByNonPushIsNonstandard() {
        assertType(ScriptType.NONSTANDARD, "6a61"); // OP_NOP
        assertType(ScriptType.NONSTANDARD, "6a04deadbeef76"); // push then OP_DUP
        assertType(ScriptType.NONSTANDARD, "6a6a");
        assertType(ScriptType.NONSTANDARD, "6a05aabb"); // push runs past the end
        assertType(ScriptType.NONSTANDARD, "6a4c"); // OP_PUSHDATA1 without its length
        assertType(ScriptType.NONSTANDARD, "6a4d01"); // OP_PUSHDATA2 with half its length
        assertType(ScriptType.NONSTANDARD, "006a"); // OP_RETURN not first
    }

    @Test
    void bareMultisig() {
        assertType(ScriptType.MULTISIG, "51", "21", key33("02"), "51ae"); // 1-of-1
        assertType(ScriptType.MULTISIG, "52", "21", key33("02"), "41", key65("04"), "21", key33("03"), "53ae");
        assertType(ScriptType.MULTISIG, "53", "21", key33("02"), "21", key33("03"), "21", key33("02"), "53ae");
        assertType(ScriptType.MULTISIG, "60", repeat("21" + key33("02"), 16), "60ae"); // 16-of-16
        // current Core reads m and n from minimal pushes too, up to MAX_PUBKEYS_PER_MULTISIG = 20
        assertType(ScriptType.MULTISIG, "51", repeat("21" + key33("03"), 17), "0111ae");
        assertType(ScriptType.MULTISIG, "0114", repeat("21" + key33("03"), 20), "0114ae");
        // keys are read with Core's op reader, so a non-minimal OP_PUSHDATA1 push of a key still counts
        assertType(ScriptType.MULTISIG, "51", "4c21", key33("02"), "51ae");
    }

    @Test
    void malformedMultisigIsNonstandard() {
        assertType(ScriptType.NONSTANDARD, "52", "21", key33("02"), "51ae"); // m > n
        assertType(ScriptType.NONSTANDARD, "51", "21", key33("02"), "52ae"); // n says 2, one key
        assertType(ScriptType.NONSTANDARD, "51", "21", key33("02"), "21", key33("03"), "51ae"); // two keys, n 1
        assertType(ScriptType.NONSTANDARD, "00", "21", key33("02"), "51ae"); // m = 0
        assertType(ScriptType.NONSTANDARD, "0102", "21", key33("02"), "21", key33("02"), "52ae"); // m pushed, not OP_2
        assertType(ScriptType.NONSTANDARD, "51", "21", key33("05"), "51ae"); // key of invalid size
        assertType(ScriptType.NONSTANDARD, "51", "21", key33("02"), "5175ae"); // OP_DROP before OP_CHECKMULTISIG
        assertType(ScriptType.NONSTANDARD, "51", "21", key33("02"), "51af"); // OP_CHECKMULTISIGVERIFY
        assertType(ScriptType.NONSTANDARD, "51", repeat("21" + key33("02"), 21), "0115ae"); // 21 keys
        assertType(ScriptType.NONSTANDARD, "51ae");
        assertType(ScriptType.NONSTANDARD, "ae");
    }

    @ParameterizedTest
    @CsvSource({
        "''",          // empty script
        "ac",          // OP_CHECKSIG alone
        "76a9",        // truncated P2PKH
        "ffffffff",    // invalid opcodes
        "4c",          // OP_PUSHDATA1 without length
        "4effffffff00" // OP_PUSHDATA4 claiming 4 GB
    })
    void everythingElseIsNonstandard(String hex) {
        assertType(ScriptType.NONSTANDARD, hex);
    }

    @Test
    void namesAreCoreNames() {
        // GetTxnOutputType in src/script/solver.cpp
        assertThat(ScriptType.NULL_DATA.sqlName()).isEqualTo("nulldata");
        assertThat(ScriptType.WITNESS_V0_KEYHASH.sqlName()).isEqualTo("witness_v0_keyhash");
        assertThat(ScriptType.WITNESS_V1_TAPROOT.sqlName()).isEqualTo("witness_v1_taproot");
        assertThat(ScriptType.ANCHOR.sqlName()).isEqualTo("anchor");
    }

    private static void assertType(ScriptType expected, String... hexParts) {
        String hex = String.join("", hexParts);
        assertThat(ScriptClassifier.classify(Hex.decode(hex))).as(hex).isEqualTo(expected);
    }

    private static String key33(String prefix) {
        return prefix + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    }

    private static String key65(String prefix) {
        return key33(prefix) + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
    }

    private static String repeat(String hex, int times) {
        return hex.repeat(times);
    }
}
