package io.chainlake.dwd.function;

import io.chainlake.dwd.parse.ScriptClassifier;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code script_type(script_pubkey_hex STRING) -> STRING}: Bitcoin Core's type name of an output script
 * ({@link ScriptClassifier}), for prevouts loaded from files. NULL in, NULL out; text that is not hex fails the call
 * naming the bad character's position.
 */
public class ScriptTypeFunction extends ScalarFunction {

    public @DataTypeHint("STRING") String eval(@DataTypeHint("STRING") String scriptPubKeyHex) {
        if (scriptPubKeyHex == null) {
            return null;
        }
        return ScriptClassifier.classify(ScriptHex.decode("script_type", scriptPubKeyHex)).sqlName();
    }
}
