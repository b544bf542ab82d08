package io.chainlake.dwd.function;

import io.chainlake.dwd.parse.AddressEncoder;
import io.chainlake.ods.blockfile.Network;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code script_address(script_pubkey_hex STRING, network STRING) -> STRING}: the explorer address of an output
 * script ({@link AddressEncoder}) on the network with that CLI name ({@link Network#fromCliName}), for prevouts loaded
 * from files. NULL for a NULL script and for scripts without an address (bare multisig, OP_RETURN, non-standard).
 */
public class ScriptAddressFunction extends ScalarFunction {

    private transient Map<Network, AddressEncoder> encoders;

    public @DataTypeHint("STRING") String eval(
            @DataTypeHint("STRING") String scriptPubKeyHex, @DataTypeHint("STRING") String network) {
        AddressEncoder encoder = encoder(Network.fromCliName(network));
        if (scriptPubKeyHex == null) {
            return null;
        }
        return encoder.address(ScriptHex.decode("script_address", scriptPubKeyHex));
    }

    private AddressEncoder encoder(Network network) {
        if (encoders == null) {
            encoders = new EnumMap<>(Network.class);
        }
        return encoders.computeIfAbsent(network, n -> new AddressEncoder(n.addressNetwork()));
    }
}
