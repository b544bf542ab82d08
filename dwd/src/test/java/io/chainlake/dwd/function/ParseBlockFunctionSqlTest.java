package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.SqlFunctionProvider;
import io.chainlake.dwd.DwdFunctions;
import io.chainlake.dwd.MainnetBlocks;
import io.chainlake.dwd.parse.BlockDecodeException;
import io.chainlake.dwd.parse.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SQL functions in a local batch TableEnvironment, registered the way the runtime does: by ServiceLoader. Two
 * things the SQL here shows: {@code raw} is a reserved word in Flink SQL (quote it), and a comma join binds looser than
 * CROSS JOIN, so chain {@code CROSS JOIN LATERAL TABLE(...)} and {@code CROSS JOIN UNNEST(...)} rather than mixing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParseBlockFunctionSqlTest {

    private static final String GENESIS_TXID = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    private static final String BLOCK_170_TXID = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    private TableEnvironment tableEnv;
    private String genesisHex;
    private String block170Hex;

    @BeforeAll
    void setUp() {
        tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tableEnv.getConfig().set("parallelism.default", "1");
        List<SqlFunctionProvider> providers = new ArrayList<>();
        ServiceLoader.load(SqlFunctionProvider.class).forEach(providers::add);
        assertThat(providers).anyMatch(p -> p instanceof DwdFunctions);
        providers.forEach(p -> p.functions().forEach(tableEnv::createTemporarySystemFunction));

        List<byte[]> first = MainnetBlocks.read(MainnetBlocks.FIRST_439);
        genesisHex = Hex.encode(first.get(0));
        block170Hex = Hex.encode(first.get(170));
    }

    @Test
    void resultColumnsHaveTheContractedNamesAndTypes() {
        List<String> columns = tableEnv.sqlQuery("SELECT t.* FROM (VALUES (x'" + genesisHex + "')) AS b(`raw`), "
                        + "LATERAL TABLE(parse_block(`raw`, 'main')) AS t")
                .getResolvedSchema().getColumns().stream().map(Column::toString).toList();

        assertThat(columns).containsExactly(
                "`tx_index` INT",
                "`txid` STRING",
                "`wtxid` STRING",
                "`version` INT",
                "`locktime` BIGINT",
                "`size` INT",
                "`stripped_size` INT",
                "`vsize` INT",
                "`weight` INT",
                "`is_coinbase` BOOLEAN",
                "`has_witness` BOOLEAN",
                "`is_rbf_signaling` BOOLEAN",
                "`output_value_sat` BIGINT",
                "`inputs` ARRAY<ROW<`vin_index` INT, `prev_txid` STRING, `prev_vout` BIGINT, `sequence` BIGINT, "
                        + "`script_sig_hex` STRING, `witness_items` ARRAY<STRING>>>",
                "`outputs` ARRAY<ROW<`vout_index` INT, `value_sat` BIGINT, `script_pubkey_hex` STRING, "
                        + "`script_type` STRING, `address` STRING>>");
    }

    @Test
    void oneRowPerTransactionFromValues() {
        List<Row> rows = collect("SELECT t.tx_index, t.txid, t.is_coinbase, t.output_value_sat, "
                + "CARDINALITY(t.inputs), t.inputs[1].prev_txid, t.inputs[1].prev_vout "
                + "FROM (VALUES (x'" + genesisHex + "'), (x'" + block170Hex + "')) AS b(`raw`), "
                + "LATERAL TABLE(parse_block(`raw`, 'main')) AS t");

        assertThat(rows).hasSize(3); // genesis: 1 transaction, block 170: 2
        assertThat(rows).anySatisfy(row -> assertThat(fields(row))
                .containsExactly(0, GENESIS_TXID, true, 5_000_000_000L, 1, "0".repeat(64), 4294967295L));
        assertThat(rows).anySatisfy(row -> assertThat(fields(row)).containsExactly(1, BLOCK_170_TXID, false,
                5_000_000_000L, 1, "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9", 0L));
    }

    @Test
    void crossJoinUnnestOfOutputs() {
        List<Row> rows = collect("SELECT t.txid, o.vout_index, o.value_sat, o.script_type, o.address "
                + "FROM (VALUES (x'" + block170Hex + "')) AS b(`raw`) "
                + "CROSS JOIN LATERAL TABLE(parse_block(`raw`, 'main')) AS t "
                + "CROSS JOIN UNNEST(t.outputs) AS o (vout_index, value_sat, script_pubkey_hex, script_type, address) "
                + "WHERE t.tx_index = 1");

        // data/README.md: block 170 pays 10 BTC to Hal Finney and 40 BTC back
        assertThat(rows).map(ParseBlockFunctionSqlTest::fields).containsExactlyInAnyOrder(
                List.of(BLOCK_170_TXID, 0, 1_000_000_000L, "pubkey", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"),
                List.of(BLOCK_170_TXID, 1, 4_000_000_000L, "pubkey", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"));
    }

    @Test
    void largerBlockFromATable() {
        byte[] block = MainnetBlocks.read(MainnetBlocks.BLOCK_277647).get(0);
        tableEnv.createTemporaryView("raw_block_277647", tableEnv.fromValues(
                DataTypes.ROW(DataTypes.FIELD("raw", DataTypes.BYTES())), Row.of((Object) block)));

        List<Row> rows = collect("SELECT COUNT(DISTINCT t.txid), COUNT(*), SUM(CAST(t.is_coinbase AS INT)) "
                + "FROM raw_block_277647 AS b "
                + "CROSS JOIN LATERAL TABLE(parse_block(`raw`, 'main')) AS t "
                + "CROSS JOIN UNNEST(t.inputs) AS i (vin_index, prev_txid, prev_vout, sequence, script_sig_hex, "
                + "witness_items)");

        // data/README.md: 213 transactions; the prevouts file lists the 732 outputs the non-coinbase inputs spend
        assertThat(fields(rows.get(0))).containsExactly(213L, 733L, 1);
    }

    @Test
    void scalarFunctionsInSql() {
        List<Row> rows = collect("SELECT "
                + "script_type('a914373b819a068f32b7a6b38b6b38729647cfde01c287'), "
                + "script_address('a914373b819a068f32b7a6b38b6b38729647cfde01c287', 'main'), "
                + "script_address('51024e73', 'regtest'), "
                + "coinbase_text('0102414243ff4445'), "
                + "compact_size_length(CAST(253 AS BIGINT)), "
                + "compact_size_length(CAST(NULL AS BIGINT))");

        // Bitcoin Core key_io_valid.json (P2SH), Core's functional tests (regtest anchor), serialize.h
        assertThat(fields(rows.get(0)))
                .containsExactly("scripthash", "36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm", "bcrt1pfeesnyr2tx", "ABC DE", 3,
                        null);
    }

    @Test
    void undecodableBlockFailsNamingTheReason() {
        String truncated = block170Hex.substring(0, block170Hex.length() - 20);

        assertThatThrownBy(() -> collect("SELECT t.txid FROM (VALUES (x'" + truncated + "')) AS b(`raw`), "
                        + "LATERAL TABLE(parse_block(`raw`, 'main')) AS t"))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, BlockDecodeException.class))
                        .get().extracting(Throwable::getMessage).asString()
                        .contains("offset 215 (transaction 1 of 2): truncated"));
    }

    private List<Row> collect(String sql) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tableEnv.executeSql(sql).collect()) {
            it.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new RuntimeException(e);
        }
        return rows;
    }

    private static List<Object> fields(Row row) {
        Object[] values = new Object[row.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(i);
        }
        return Arrays.asList(values);
    }
}
