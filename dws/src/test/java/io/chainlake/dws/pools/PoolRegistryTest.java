package io.chainlake.dws.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.script.Script;
import org.junit.jupiter.api.Test;

/**
 * Pool attribution with real coinbases. The scriptSigs and payout scripts below are copied byte for byte from the
 * coinbase transactions of mainnet blocks in data/chain/mainnet (data/README.md: block 277647 carries
 * "Mined by BTC Guild", 363703 "/AntPool/", 540107 and 574200 "/BTC.COM/"); the expected pools are the registry's own
 * entries for those tags and addresses.
 */
class PoolRegistryTest {

    /** Block 277647, btcd test data 277647.dat. */
    private static final String SCRIPT_SIG_277647 = "038f3c040400003d8b45124d696e656420627920425443204775696c64"
            + "2cfabe6d6d180ec2f9a5ff672bb0b3df6e14703defe4b6570194be38428122c0b001c5445b010000000000000008000008d7"
            + "00000dce";
    /** Block 363703, "/AntPool/sc2/8M//". */
    private static final String SCRIPT_SIG_363703 = "03b78c05192f416e74506f6f6c2f7363322f384d2f2f24c08520559712"
            + "01e10b0000df4a0500";
    /** Block 540107, "/BTC.COM/". */
    private static final String SCRIPT_SIG_540107 = "03cb3d08042467905b642f4254432e434f4d2ffabe6d6d61ea3fdfc3d2"
            + "38e128fb27c97f95d4bd49881fcf8784fc34ae86bcb827505eba0100000000000000300f894eba58000000000000";
    /** Block 574200, "/BTC.COM/". */
    private static final String SCRIPT_SIG_574200 = "03f8c208044173ca5c662f4254432e434f4d2ffabe6d6d06ec30e7f6a7"
            + "105653add8312ff758e919cbcfdb6905af82bd7bcddafddef189080000005fb54ad0037d055d2c15000000000000";
    /** Block 540107's coinbase output 0, a P2WPKH script. */
    private static final String PAYOUT_SCRIPT_540107 = "001497cfc76442fe717f2a3f0cc9c175f7561b661997";
    /** Block 277647's only coinbase output, a P2PKH script to an address the registry does not list. */
    private static final String PAYOUT_SCRIPT_277647 = "76a91427a1f12771de5cc3b73941664b2537c15316be4388ac";

    private final PoolRegistry registry = PoolRegistry.bundled();

    @Test
    void bundledRegistryIsTheWholeList() {
        // data/README.md: mining-pools.json holds 148 known Bitcoin mining pools.
        assertThat(registry.pools()).hasSize(148);
        assertThat(PoolRegistry.bundled()).isSameAs(registry);
    }

    @Test
    void btcComByTag() {
        Pool btcCom = registryPool("/BTC.COM/");
        assertThat(btcCom.name()).isEqualTo("BTC.com");
        assertThat(registry.attribute(List.of(), hex(SCRIPT_SIG_540107))).contains(btcCom);
        assertThat(registry.attribute(null, hex(SCRIPT_SIG_574200))).contains(btcCom);
    }

    @Test
    void btcGuildByTag() {
        Pool btcGuild = registryPool("BTC Guild");
        assertThat(btcGuild.name()).isEqualTo("BTC Guild");
        assertThat(registry.attribute(List.of(address(PAYOUT_SCRIPT_277647)), hex(SCRIPT_SIG_277647)))
                .contains(btcGuild);
    }

    @Test
    void antPoolByTag() {
        Pool antPool = registryPool("/AntPool/");
        assertThat(antPool.name()).isEqualTo("AntPool");
        assertThat(registry.attribute(List.of(), hex(SCRIPT_SIG_363703))).contains(antPool);
    }

    @Test
    void addressMatchWinsOverTag() {
        // Block 540107 pays bc1qjl8uwezzlech723lpnyuza0h2cdkvxvh54v3dn, which the registry lists for BTC.com; paired
        // with AntPool's scriptSig the address decides.
        String payout = address(PAYOUT_SCRIPT_540107);
        assertThat(payout).isEqualTo("bc1qjl8uwezzlech723lpnyuza0h2cdkvxvh54v3dn");
        Pool btcCom = registryPool("/BTC.COM/");
        assertThat(btcCom.addresses()).contains(payout);

        assertThat(registry.attribute(List.of(payout), hex(SCRIPT_SIG_363703))).contains(btcCom);
        assertThat(registry.attribute(List.of(address(PAYOUT_SCRIPT_277647), payout), hex(SCRIPT_SIG_363703)))
                .contains(btcCom);
    }

    @Test
    void addressesOfTwoPoolsResolveByRegistryOrderNotListOrder() {
        Pool first = registry.pools().stream().filter(p -> !p.addresses().isEmpty()).findFirst().orElseThrow();
        Pool later = registryPool("/BTC.COM/");
        assertThat(registry.pools().indexOf(first)).isLessThan(registry.pools().indexOf(later));
        String a = first.addresses().get(0);
        String b = later.addresses().get(0);
        assertThat(registry.attribute(List.of(a, b), null)).contains(first);
        assertThat(registry.attribute(List.of(b, a), null)).contains(first);
    }

    @Test
    void nothingKnownGivesEmpty() {
        assertThat(registry.attribute(List.of(address(PAYOUT_SCRIPT_277647)), hex("03b78c05"))).isEmpty();
        assertThat(registry.attribute(null, null)).isEmpty();
        assertThat(registry.attribute(List.of(), new byte[0])).isEmpty();
    }

    @Test
    void nonAsciiTagsMatchTheirUtf8Bytes() {
        Pool baochi = registryPool("/八宝池 8baochi.com/");
        byte[] scriptSig = concat(hex("03b78c05ff"), "/八宝池 8baochi.com/".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.attribute(List.of(), scriptSig)).contains(baochi);
    }

    @Test
    void earliestTagWinsThenTheLongerOne() {
        // "ckpool" starts inside "/solo.ckpool.org/", "EMC" inside "/EMCD/", "/ViaBTC/" where "/ViaBTC/TATMAS Pool/"
        // starts. Each longer tag, found at its own position, must name its own pool.
        for (String tag : List.of("/solo.ckpool.org/", "/EMCD/", "/ViaBTC/TATMAS Pool/")) {
            byte[] scriptSig = concat(hex("03cb3d08"), tag.getBytes(StandardCharsets.UTF_8));
            assertThat(registry.attribute(List.of(), scriptSig)).as(tag).contains(registryPool(tag));
        }
        // Two unrelated tags: the one nearer the front wins whatever the registry order.
        byte[] antThenBtcCom = concat(hex("03cb3d08"), "/AntPool//BTC.COM/".getBytes(StandardCharsets.UTF_8));
        byte[] btcComThenAnt = concat(hex("03cb3d08"), "/BTC.COM//AntPool/".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.attribute(List.of(), antThenBtcCom)).contains(registryPool("/AntPool/"));
        assertThat(registry.attribute(List.of(), btcComThenAnt)).contains(registryPool("/BTC.COM/"));
    }

    @Test
    void positionRuleAgreesWithTheReferenceToolOnEveryRegistryTag() {
        // 0xB10C/rust-bitcoin-pool-identification identify_coinbase_tag: the first pool, in registry order, having a
        // tag contained in the scriptSig. For a scriptSig holding exactly one registry tag, both rules must agree.
        for (Pool pool : registry.pools()) {
            for (String tag : pool.tags()) {
                byte[] scriptSig = tag.getBytes(StandardCharsets.UTF_8);
                assertThat(registry.attribute(List.of(), scriptSig)).as(tag).contains(referenceRule(tag));
            }
        }
    }

    @Test
    void payoutAddressesListEveryAddressWithItsPool() {
        List<PayoutAddress> payoutAddresses = registry.payoutAddresses();
        long total = registry.pools().stream().mapToLong(p -> p.addresses().size()).sum();
        assertThat(payoutAddresses).hasSize((int) total);
        assertThat(payoutAddresses)
                .contains(new PayoutAddress("bc1qjl8uwezzlech723lpnyuza0h2cdkvxvh54v3dn", "BTC.com"));
        for (PayoutAddress payout : payoutAddresses) {
            assertThat(registry.attribute(List.of(payout.address()), null).map(Pool::name))
                    .contains(payout.poolName());
        }
    }

    @Test
    void malformedRegistryFailsNamingTheSource() {
        String duplicateAddress = "[{\"id\":1,\"name\":\"A\",\"addresses\":[\"1A\"],\"tags\":[],\"link\":\"\"},"
                + "{\"id\":2,\"name\":\"B\",\"addresses\":[\"1A\"],\"tags\":[],\"link\":\"\"}]";
        assertThatThrownBy(() -> PoolRegistry.read(stream(duplicateAddress), "pools.json"))
                .hasMessageContaining("pools.json")
                .hasMessageContaining("address 1A is listed for both 'A' and 'B'");
        assertThatThrownBy(() -> PoolRegistry.read(stream("{\"pools\": 1}"), "broken.json"))
                .hasMessageContaining("broken.json: not a mining-pool registry");
    }

    private Pool registryPool(String tag) {
        return registry.pools().stream().filter(p -> p.tags().contains(tag)).findFirst().orElseThrow();
    }

    private Pool referenceRule(String scriptSigText) {
        Optional<Pool> first = registry.pools().stream()
                .filter(p -> p.tags().stream().anyMatch(scriptSigText::contains))
                .findFirst();
        return first.orElseThrow();
    }

    private static String address(String scriptPubKeyHex) {
        return Script.parse(hex(scriptPubKeyHex)).getToAddress(BitcoinNetwork.MAINNET).toString();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
