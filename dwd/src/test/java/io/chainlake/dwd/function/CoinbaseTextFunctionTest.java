package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dwd.MainnetBlocks;
import io.chainlake.dwd.parse.BlockDecoder;
import io.chainlake.dwd.parse.DecodedBlock;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.Test;

class CoinbaseTextFunctionTest {

    private final CoinbaseTextFunction function = new CoinbaseTextFunction();
    private final BlockDecoder decoder = new BlockDecoder(BitcoinNetwork.MAINNET);

    @Test
    void genesisHeadline() {
        // the headline Satoshi put in the genesis coinbase (The Times, 3 January 2009)
        assertThat(function.eval(coinbaseScriptSig(MainnetBlocks.read(MainnetBlocks.FIRST_439).get(0))))
                .contains("The Times 03/Jan/2009 Chancellor on brink of second bailout for banks");
    }

    @Test
    void poolTags() {
        // data/README.md: 277647 "Mined by BTC Guild", 363703 /AntPool/, 540107 and 574200 /BTC.COM/
        assertThat(function.eval(coinbaseScriptSig(MainnetBlocks.read(MainnetBlocks.BLOCK_277647).get(0))))
                .contains("Mined by BTC Guild");
        List<byte[]> sample = MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019);
        assertThat(function.eval(coinbaseScriptSig(sample.get(3)))).contains("/AntPool/");
        assertThat(function.eval(coinbaseScriptSig(sample.get(8)))).contains("/BTC.COM/");
        assertThat(function.eval(coinbaseScriptSig(sample.get(9)))).contains("/BTC.COM/");
    }

    @Test
    void runsOfUnprintableBytesBecomeOneSpaceAndEndsAreTrimmed() {
        assertThat(function.eval("0102414243ff7f4445")).isEqualTo("ABC DE");
        assertThat(function.eval("20412020ff42")).isEqualTo("A   B"); // printable spaces are kept as they are
        assertThat(function.eval("7e20")).isEqualTo("~");
        assertThat(function.eval("0001")).isEmpty();
        assertThat(function.eval("")).isEmpty();
        assertThat(function.eval(null)).isNull();
    }

    private String coinbaseScriptSig(byte[] block) {
        DecodedBlock decoded = decoder.decode(block);
        return decoded.transactions().get(0).inputs().get(0).scriptSigHex();
    }
}
