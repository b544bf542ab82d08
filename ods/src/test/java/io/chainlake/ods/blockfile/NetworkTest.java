package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.ods.MainnetData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.Test;

class NetworkTest {

    // pchMessageStart and nSubsidyHalvingInterval from Bitcoin Core src/kernel/chainparams.cpp
    @Test
    void magicBytesAreBitcoinCores() {
        assertThat(Network.MAIN.magicBytes()).containsExactly(0xf9, 0xbe, 0xb4, 0xd9);
        assertThat(Network.TESTNET3.magicBytes()).containsExactly(0x0b, 0x11, 0x09, 0x07);
        assertThat(Network.TESTNET4.magicBytes()).containsExactly(0x1c, 0x16, 0x3f, 0x28);
        assertThat(Network.SIGNET.magicBytes()).containsExactly(0x0a, 0x03, 0xcf, 0x40);
        assertThat(Network.REGTEST.magicBytes()).containsExactly(0xfa, 0xbf, 0xb5, 0xda);
        assertThat(Network.MAIN.magicHex()).isEqualTo("f9beb4d9");
    }

    @Test
    void mainMagicOpensTheRealBlockFile() throws IOException {
        try (InputStream in = Files.newInputStream(MainnetData.file("blocks-000000-000438.blk"))) {
            assertThat(in.readNBytes(4)).isEqualTo(Network.MAIN.magicBytes());
        }
    }

    @Test
    void halvingIntervals() {
        assertThat(Network.MAIN.halvingInterval()).isEqualTo(210_000);
        assertThat(Network.TESTNET4.halvingInterval()).isEqualTo(210_000);
        assertThat(Network.REGTEST.halvingInterval()).isEqualTo(150);
    }

    @Test
    void addressNetworks() {
        assertThat(Network.MAIN.addressNetwork()).isEqualTo(BitcoinNetwork.MAINNET);
        assertThat(Network.TESTNET3.addressNetwork()).isEqualTo(BitcoinNetwork.TESTNET);
        assertThat(Network.TESTNET4.addressNetwork()).isEqualTo(BitcoinNetwork.TESTNET);
        assertThat(Network.SIGNET.addressNetwork()).isEqualTo(BitcoinNetwork.SIGNET);
        assertThat(Network.REGTEST.addressNetwork()).isEqualTo(BitcoinNetwork.REGTEST);
    }

    @Test
    void cliNames() {
        for (Network network : Network.values()) {
            assertThat(Network.fromCliName(network.cliName())).isEqualTo(network);
        }
        assertThat(Network.fromCliName("test")).isEqualTo(Network.TESTNET3);
        assertThat(Network.fromCliName("testnet")).isEqualTo(Network.TESTNET3);
        assertThat(Network.fromCliName("Main")).isEqualTo(Network.MAIN);
    }

    @Test
    void unknownCliNameListsValidNames() {
        assertThatThrownBy(() -> Network.fromCliName("mainnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mainnet'")
                .hasMessageContaining("main, testnet3, testnet4, signet, regtest");
        assertThatThrownBy(() -> Network.fromCliName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
