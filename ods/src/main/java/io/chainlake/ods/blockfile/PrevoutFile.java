package io.chainlake.ods.blockfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bitcoinj.base.Sha256Hash;

/**
 * A JSON-lines file of the outputs that blocks spend, one object per line:
 * <pre>{"txid": "4660...", "vout": 0, "value_sat": 3300000, "script_pubkey_hex": "76a9...88ac", "height": 277646, "is_coinbase": false}</pre>
 * Blank lines are ignored; other fields are ignored.
 */
public final class PrevoutFile {

    /** 21 million BTC: no output can hold more. */
    private static final long MAX_MONEY_SAT = 21_000_000L * 100_000_000L;

    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();

    private PrevoutFile() {
    }

    /**
     * Streams the prevouts of a file to a consumer, in file order.
     *
     * @throws IllegalArgumentException naming the file and line of the first line that is not a valid prevout
     */
    public static void forEach(Path file, Consumer<? super Prevout> consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    consumer.accept(parse(file, lineNumber, line));
                }
            }
        }
    }

    /** Every prevout of a file, for files that fit in memory. */
    public static List<Prevout> readAll(Path file) throws IOException {
        List<Prevout> prevouts = new ArrayList<>();
        forEach(file, prevouts::add);
        return prevouts;
    }

    private static Prevout parse(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(file, lineNumber, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw bad(file, lineNumber, "not a JSON object");
        }
        String txid = text(file, lineNumber, node, "txid");
        if (txid.length() != Sha256Hash.LENGTH * 2 || !isHex(txid)) {
            throw bad(file, lineNumber, "txid '" + txid + "' is not 64 hex digits");
        }
        String script = text(file, lineNumber, node, "script_pubkey_hex");
        if (script.length() % 2 != 0 || !isHex(script)) {
            throw bad(file, lineNumber, "script_pubkey_hex is not an even number of hex digits");
        }
        long value = number(file, lineNumber, node, "value_sat", MAX_MONEY_SAT);
        int vout = (int) number(file, lineNumber, node, "vout", Integer.MAX_VALUE);
        int height = (int) number(file, lineNumber, node, "height", Integer.MAX_VALUE);
        JsonNode coinbase = node.get("is_coinbase");
        if (coinbase == null || !coinbase.isBoolean()) {
            throw bad(file, lineNumber, "is_coinbase missing or not true/false");
        }
        return new Prevout(
                txid.toLowerCase(Locale.ROOT),
                vout,
                value,
                script.toLowerCase(Locale.ROOT),
                height,
                coinbase.booleanValue());
    }

    private static String text(Path file, int lineNumber, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(file, lineNumber, field + " missing or not a string");
        }
        return value.textValue();
    }

    private static long number(Path file, int lineNumber, JsonNode node, String field, long max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw bad(file, lineNumber, field + " missing or not an integer");
        }
        long n = value.longValue();
        if (n < 0 || n > max) {
            throw bad(file, lineNumber, field + " " + n + " out of range 0.." + max);
        }
        return n;
    }

    private static boolean isHex(String text) {
        try {
            HexFormat.of().parseHex(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IllegalArgumentException bad(Path file, int lineNumber, String reason) {
        return new IllegalArgumentException(file + " line " + lineNumber + ": " + reason);
    }
}
