package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScriptFunctionsTest {

    private final ScriptTypeFunction scriptType = new ScriptTypeFunction();
    private final ScriptAddressFunction scriptAddress = new ScriptAddressFunction();

    @Test
    void typeAndAddressOfPrevoutScripts() {
        // Bitcoin Core src/test/data/key_io_valid.json
        assertThat(scriptType.eval("76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac")).isEqualTo("pubkeyhash");
        assertThat(scriptAddress.eval("76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac", "main"))
                .isEqualTo("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo");
        assertThat(scriptAddress.eval("76a914ce28b26c57472737f5c3561a1761185bd8589a4388ac", "testnet4"))
                .isEqualTo("mzK2FFDEhxqHcmrJw1ysqFkVyhUULo45hZ");
        // Bitcoin Core 28.0 release notes: pay-to-anchor
        assertThat(scriptType.eval("51024E73")).isEqualTo("anchor");
        assertThat(scriptAddress.eval("51024e73", "main")).isEqualTo("bc1pfeessrawgf");
        assertThat(scriptType.eval("6a")).isEqualTo("nulldata");
        assertThat(scriptAddress.eval("6a", "main")).isNull();
        assertThat(scriptType.eval("")).isEqualTo("nonstandard");
    }

    @Test
    void nullScriptGivesNull() {
        assertThat(scriptType.eval(null)).isNull();
        assertThat(scriptAddress.eval(null, "main")).isNull();
    }

    @Test
    void badArgumentsNameFunctionAndPosition() {
        assertThatThrownBy(() -> scriptType.eval("76a9x4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("script_type: not a hex digit 'x' at position 4 of '76a9x4'");
        assertThatThrownBy(() -> scriptAddress.eval("76a", "main"))
                .hasMessage("script_address: hex of odd length 3: '76a'");
        assertThatThrownBy(() -> scriptAddress.eval("6a", "mainnet"))
                .hasMessageStartingWith("unknown network 'mainnet'");
    }
}
