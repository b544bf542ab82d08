package io.chainlake.dwd.parse;

/**
 * The type of an output script, one constant per Bitcoin Core {@code TxoutType}; {@link #sqlName()} is the string
 * Core's {@code GetTxnOutputType} returns, the value of the {@code script_type} column.
 */
public enum ScriptType {
    NONSTANDARD("nonstandard"),
    ANCHOR("anchor"),
    PUBKEY("pubkey"),
    PUBKEYHASH("pubkeyhash"),
    SCRIPTHASH("scripthash"),
    MULTISIG("multisig"),
    NULL_DATA("nulldata"),
    WITNESS_V0_KEYHASH("witness_v0_keyhash"),
    WITNESS_V0_SCRIPTHASH("witness_v0_scripthash"),
    WITNESS_V1_TAPROOT("witness_v1_taproot"),
    WITNESS_UNKNOWN("witness_unknown");

    private final String sqlName;

    ScriptType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name as Bitcoin Core's RPC shows it ({@code scriptPubKey.type}), e.g. {@code witness_v0_keyhash}. */
    public String sqlName() {
        return sqlName;
    }

    /** True for the types whose script is a witness program (BIP141): the address is bech32 or bech32m. */
    public boolean isWitnessProgram() {
        return this == WITNESS_V0_KEYHASH || this == WITNESS_V0_SCRIPTHASH || this == WITNESS_V1_TAPROOT
                || this == ANCHOR || this == WITNESS_UNKNOWN;
    }
}
