package io.chainlake.dwd.function;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code coinbase_text(script_sig_hex STRING) -> STRING}: the printable part of a coinbase scriptSig, where pools put
 * their tags: bytes 0x20..0x7e kept as ASCII, each run of other bytes replaced by one space, the result trimmed.
 * E.g. block 277647's contains "Mined by BTC Guild". NULL in, NULL out.
 */
public class CoinbaseTextFunction extends ScalarFunction {

    public @DataTypeHint("STRING") String eval(@DataTypeHint("STRING") String scriptSigHex) {
        if (scriptSigHex == null) {
            return null;
        }
        byte[] script = ScriptHex.decode("coinbase_text", scriptSigHex);
        StringBuilder text = new StringBuilder(script.length);
        boolean inRun = false;
        for (byte b : script) {
            if (b >= 0x20 && b <= 0x7e) {
                text.append((char) b);
                inRun = false;
            } else if (!inRun) {
                text.append(' ');
                inRun = true;
            }
        }
        return text.toString().trim();
    }
}
