package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.ods.MainnetData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrevoutFileTest {

    private static final String LINE = "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\","
            + " \"vout\": 0, \"value_sat\": 3300000, \"script_pubkey_hex\": \"76a91406f1b6703d3f56427bfcfd372f952d50d04b64bd88ac\","
            + " \"height\": 277646, \"is_coinbase\": false}";

    @TempDir
    Path dir;

    @Test
    void firstLineOfTheRealFile() throws IOException {
        List<Prevout> prevouts = PrevoutFile.readAll(MainnetData.file("block-277647.prevouts.jsonl"));

        assertThat(prevouts).hasSize(732);
        assertThat(prevouts.get(0)).isEqualTo(new Prevout(
                "4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a",
                0,
                3_300_000L,
                "76a91406f1b6703d3f56427bfcfd372f952d50d04b64bd88ac",
                277_646,
                false));
    }

    /** data/README.md: every input of block 277647 resolves, and its fees total 4,737,355 sat. */
    @Test
    void prevoutsResolveEveryInputOfBlock277647() throws IOException {
        byte[] raw = Entries.read(Network.MAIN, MainnetData.file("block-277647.blk")).blocks().get(0).raw();
        Block block = Block.read(ByteBuffer.wrap(raw));
        Set<String> spent = new HashSet<>();
        long outputsSat = 0;
        for (Transaction tx : block.getTransactions()) {
            if (tx.isCoinBase()) {
                continue;
            }
            for (TransactionInput input : tx.getInputs()) {
                spent.add(input.getOutpoint().hash() + ":" + input.getOutpoint().index());
            }
            for (TransactionOutput output : tx.getOutputs()) {
                outputsSat += output.getValue().toSat();
            }
        }
        Set<String> given = new HashSet<>();
        long[] inputsSat = {0};
        PrevoutFile.forEach(MainnetData.file("block-277647.prevouts.jsonl"), p -> {
            given.add(p.txid() + ":" + p.vout());
            inputsSat[0] += p.valueSat();
        });

        assertThat(given).isEqualTo(spent);
        assertThat(inputsSat[0] - outputsSat).isEqualTo(4_737_355L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[1, 2]",
        "{\"vout\": 0}",
        "{\"txid\": \"4660\", \"vout\": 0, \"value_sat\": 1, \"script_pubkey_hex\": \"\", \"height\": 1, \"is_coinbase\": false}",
        "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\", \"vout\": -1,"
                + " \"value_sat\": 1, \"script_pubkey_hex\": \"\", \"height\": 1, \"is_coinbase\": false}",
        "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\", \"vout\": 0,"
                + " \"value_sat\": 1.5, \"script_pubkey_hex\": \"\", \"height\": 1, \"is_coinbase\": false}",
        "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\", \"vout\": 0,"
                + " \"value_sat\": 1, \"script_pubkey_hex\": \"abc\", \"height\": 1, \"is_coinbase\": false}",
        "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\", \"vout\": 0,"
                + " \"value_sat\": 1, \"script_pubkey_hex\": \"\", \"height\": 1, \"is_coinbase\": \"no\"}",
        "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\", \"vout\": 0,"
                + " \"value_sat\": 2100000000000001, \"script_pubkey_hex\": \"\", \"height\": 1, \"is_coinbase\": false}",
        "{\"txid\": \"4660827ec811ae515bf611fb732cdef3d634887e78f46510d3acc0128c337b4a\", \"vout\": 0,"
                + " \"value_sat\": 1, \"script_pubkey_hex\": \"\", \"height\": 1, \"is_coinbase\": false} {}"
    })
    void badLineNamesFileAndLine(String badLine) throws IOException {
        Path file = Files.writeString(dir.resolve("prevouts.jsonl"), LINE + "\n\n" + badLine + "\n");

        assertThatThrownBy(() -> PrevoutFile.readAll(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " line 3: ");
    }
}
