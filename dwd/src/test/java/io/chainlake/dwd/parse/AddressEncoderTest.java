package io.chainlake.dwd.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ods.blockfile.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressEncoderTest {

    /** Bitcoin Core src/test/data/key_io_valid.json: (address, scriptPubKey, chain) for every network and type. */
    @ParameterizedTest
    @CsvSource({
        "main,     1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo, 76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac",
        "main,     36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm, a914373b819a068f32b7a6b38b6b38729647cfde01c287",
        "testnet4, mzK2FFDEhxqHcmrJw1ysqFkVyhUULo45hZ, 76a914ce28b26c57472737f5c3561a1761185bd8589a4388ac",
        "testnet4, 2NC2hEhe28ULKAJkW5MjZ3jtTMJdvXmByvK, a914ce0bba75891ff9ec60148d4bd4a09ee2dc5c933187",
        "signet,   mww4LvqtTMKvmeQvizPz2EQv26xTneWrbg, 76a914b4110ba93ac54afc14da3bdd19614774a2d55d2988ac",
        "signet,   2N1r7aC69VHeE7yQJPDLi9T1PYq4wnwvjuT, a9145e5a35ab44b3efaea5129ba22b88ba3e2976614587",
        "regtest,  n4fajahJrAuKbN7uNsKjLjQkz9Qn5ewJXQ, 76a914fdeca3b08e38af53d7c4c60e3ad208ce5066441088ac",
        "regtest,  2MxFajLApXpYk4VodBSZSt7rw8y4ryABkfA, a91436e9f191e0b75036a77f65e2eaa4752443233fbe87",
        "main,     bc1qvyq0cc6rahyvsazfdje0twl7ez82ndmuac2lhv, 00146100fc6343edc8c874496cb2f5bbfec88ea9b77c",
        "main,     bc1qyucykdlhp62tezs0hagqury402qwhk589q80tqs5myh3rxq34nwqhkdhv7, 002027304b37f70e94bc8a0fbf500e0c957a80ebda87280ef58214d92f119811acdc",
        "main,     bc1p83n3au0rjylefxq2nc2xh2y4jzz4pm6zxj4mw5pagdjjr2a9f36s6jjnnu, 51203c671ef1e3913f94980a9e146ba895908550ef4234abb7503d436521aba54c75",
        "main,     bc1z2rksukkjr8, 520250ed",
        "testnet4, tb1qcrh3yqn4nlleplcez2yndq2ry8h9ncg3qh7n54, 0014c0ef1202759fff90ff19128936814321ee59e111",
        "testnet4, tb1p35n52jy6xkm4wd905tdy8qtagrn73kqdz73xe4zxpvq9t3fp50aqk3s6gz, 51208d2745489a35b75734afa2da43817d40e7e8d80d17a26cd4460b0055c521a3fa",
        "testnet4, tb1rgv5m6uvdk3kc7qsuz0c79v88ycr5w4wa, 53104329bd718db46d8f021c13f1e2b0e726",
        "signet,   tb1qxkhrl2s6ttrclckldruea0e8anhrehffl8xv7t0pdyrzm08v2hyqy408nf, 002035ae3faa1a5ac78fe2df68f99ebf27ecee3cdd29f9cccf2de169062dbcec55c8",
        "signet,   tb1rx9n9g37az8mu236e5jpxdt0m67y4fuq8rhs0ss3djnm0kscfrwvq0ntlyg, 532031665447dd11f7c54759a48266adfbd78954f0071de0f8422d94f6fb43091b98",
        "regtest,  bcrt1qdavt4j2sd7dlhqsavtnfxvzppw6k7qy97tmnu9, 00146f58bac9506f9bfb821d62e69330410bb56f0085",
        "regtest,  bcrt1p39a4s4vdcw9kqa8w2t0rp7aj8kfxyw7mce5sk5d70x6wnnmpvt7skf2kxy, 5120897b58558dc38b6074ee52de30fbb23d92623bdbc6690b51be79b4e9cf6162fd",
        "regtest,  bcrt1sx6p8njlx7h9mc2agz4yg82dzne23050ncq72cneeecez2pst8mahn8xecsf8g6hzx94420, 6028368279cbe6f5cbbc2ba8154883a9a29e5517d1f3c03cac4f39ce3225060b3efb799cd9c412746ae2",
    })
    void coreKeyIoVectors(String network, String address, String script) {
        assertThat(encoder(network).address(Hex.decode(script))).isEqualTo(address);
    }

    /** BIP173 (bech32, v0) and BIP350 (bech32m, v1+) test vectors: valid segwit addresses and their scriptPubKeys. */
    @ParameterizedTest
    @CsvSource({
        "main,     bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, 0014751e76e8199196d454941c45d1b3a323f1433bd6",
        "testnet3, tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7, 00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
        "main,     bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y, 5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
        "main,     bc1sw50qgdz25j, 6002751e",
        "main,     bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs, 5210751e76e8199196d454941c45d1b3a323",
        "testnet3, tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy, 0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
        "testnet3, tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c, 5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
        "main,     bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0, 512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    })
    void bip173AndBip350Vectors(String network, String address, String script) {
        assertThat(encoder(network).address(Hex.decode(script))).isEqualTo(address);
    }

    /**
     * Pay-to-anchor (OP_1 PUSH2 4e73): "bc1pfeessrawgf" on mainnet per the Bitcoin Core 28.0 release notes,
     * "bcrt1pfeesnyr2tx" on regtest per Core's test/functional/test_framework/script_util.py (ANCHOR_ADDRESS).
     */
    @ParameterizedTest
    @CsvSource({"main, bc1pfeessrawgf", "regtest, bcrt1pfeesnyr2tx"})
    void payToAnchor(String network, String address) {
        assertThat(encoder(network).address(Hex.decode("51024e73"))).isEqualTo(address);
    }

    /**
     * P2PK gets the P2PKH address of its key as it is: the genesis coinbase key hashes to
     * 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa (data/README.md; every explorer shows it), and 76a914 62e907b1... 88ac is
     * the P2PKH script of that same address.
     */
    @ParameterizedTest
    @CsvSource({
        "4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac",
        "76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac",
    })
    void payToPubKeyUsesTheKeysPayToPubKeyHashAddress(String script) {
        assertThat(encoder("main").address(Hex.decode(script))).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    }

    @ParameterizedTest
    @CsvSource({
        "6a04deadbeef", // nulldata
        "5121" + "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f8179851ae", // 1-of-1 bare multisig
        "0019751e76e8199196d454941c45d1b3a323f1433bd60102030405", // v0 with a 25-byte program: nonstandard
        "ac", // nonstandard
        "''", // empty
    })
    void scriptsWithoutAnAddressGiveNull(String script) {
        assertThat(encoder("main").address(Hex.decode(script))).isNull();
    }

    private static AddressEncoder encoder(String network) {
        return new AddressEncoder(Network.fromCliName(network).addressNetwork());
    }
}
