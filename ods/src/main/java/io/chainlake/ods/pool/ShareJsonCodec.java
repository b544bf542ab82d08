package io.chainlake.ods.pool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A share as one JSON object with btcpool's field names ({@code {"version":1,"workerhashid":...}}). Decoding
 * refuses anything but an object, integer fields holding something other than an integer, and the rules of
 * {@link ShareFields}; fields it does not know are ignored, as protobuf ignores unknown fields.
 */
public final class ShareJsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}");
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final List<String> INTEGER_FIELDS = List.of(
            ShareFields.VERSION, ShareFields.WORKER_HASH_ID, ShareFields.USER_ID, ShareFields.STATUS,
            ShareFields.TIMESTAMP, ShareFields.JOB_ID, ShareFields.SHARE_DIFF, ShareFields.BLK_BITS,
            ShareFields.HEIGHT, ShareFields.NONCE, ShareFields.SESSION_ID, ShareFields.VERSION_MASK,
            ShareFields.EXT_USER_ID, ShareFields.BITS_REACHED);

    private ShareJsonCodec() {}

    public static byte[] encode(ShareEvent s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField(ShareFields.VERSION, s.version());
            g.writeNumberField(ShareFields.WORKER_HASH_ID, s.workerHashId());
            g.writeNumberField(ShareFields.USER_ID, s.userId());
            g.writeNumberField(ShareFields.STATUS, s.status());
            g.writeNumberField(ShareFields.TIMESTAMP, s.timestamp());
            if (s.ip() != null) {
                g.writeStringField(ShareFields.IP, s.ip());
            }
            g.writeNumberField(ShareFields.JOB_ID, s.jobId());
            g.writeNumberField(ShareFields.SHARE_DIFF, s.shareDiff());
            g.writeNumberField(ShareFields.BLK_BITS, s.blkBits());
            g.writeNumberField(ShareFields.HEIGHT, s.height());
            g.writeNumberField(ShareFields.NONCE, s.nonce());
            g.writeNumberField(ShareFields.SESSION_ID, s.sessionId());
            g.writeNumberField(ShareFields.VERSION_MASK, s.versionMask());
            if (s.extUserId() != null) {
                g.writeNumberField(ShareFields.EXT_USER_ID, s.extUserId());
            }
            if (s.bitsReached() != null) {
                g.writeNumberField(ShareFields.BITS_REACHED, s.bitsReached());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ShareEvent decode(byte[] payload) throws ShareDecodeException {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new ShareDecodeException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ShareDecodeException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ShareDecodeException("not a JSON object");
        }
        ShareFields fields = new ShareFields();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue; // an explicit null is an absent field
            }
            if (name.equals(ShareFields.IP)) {
                if (!value.isTextual()) {
                    throw new ShareDecodeException("field ip: expected a string, got " + kind(value));
                }
                fields.ip = value.textValue();
            } else if (INTEGER_FIELDS.contains(name)) {
                BigInteger integer = integer(name, value);
                boolean fitsInLong = integer.bitLength() < Long.SIZE;
                boolean uint64 = name.equals(ShareFields.JOB_ID) || name.equals(ShareFields.SHARE_DIFF);
                if (!fitsInLong && !(uint64 && integer.signum() > 0 && integer.bitLength() == Long.SIZE)) {
                    throw new ShareDecodeException("field " + name + ": " + integer + " is out of range");
                }
                fields.setInteger(name, integer.longValue(), fitsInLong);
            }
        }
        return fields.toEvent();
    }

    /**
     * The integer a field holds: a JSON integer, a number with no fraction ({@code 65536.0}, {@code 6.5536e4}), or a
     * string of decimal digits, as protobuf's JSON mapping writes 64-bit fields ({@code "jobid":"7303178923460002816"})
     * and as its parsers accept any integer field. Anything else (a fraction, text, a bare hex string) is refused.
     */
    private static BigInteger integer(String name, JsonNode value) throws ShareDecodeException {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            try {
                return value.decimalValue().toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new ShareDecodeException("field " + name + ": expected an integer, got " + kind(value));
            }
        }
        if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
            return new BigInteger(value.textValue());
        }
        throw new ShareDecodeException("field " + name + ": expected an integer, got " + kind(value));
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
