package io.chainlake.dwd.parse;

/**
 * One transaction output.
 *
 * @param voutIndex       position in the transaction's outputs, from 0
 * @param valueSat        value in satoshi
 * @param scriptPubKeyHex output script, lowercase hex
 * @param scriptType      Bitcoin Core's type of the script ({@link ScriptClassifier})
 * @param address         the explorer address ({@link AddressEncoder}), null for scripts without one
 */
public record DecodedOutput(
        int voutIndex,
        long valueSat,
        String scriptPubKeyHex,
        ScriptType scriptType,
        String address) {
}
