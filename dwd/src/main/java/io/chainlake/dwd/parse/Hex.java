package io.chainlake.dwd.parse;

import java.nio.charset.StandardCharsets;

/**
 * Lowercase hex text of bytes, and back. Hand-written rather than {@link java.util.HexFormat} because hex is most of
 * what the block decoder writes (scripts, witness items, hashes) and the JDK 17 formatter, which appends char by char
 * to a StringBuilder, cost a fifth of decode time; this writes Latin-1 bytes and makes the String from them.
 */
public final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** Lowercase hex of {@code bytes}; "" for none. */
    public static String encode(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = 0, j = 0; i < bytes.length; i++, j += 2) {
            int b = bytes[i] & 0xff;
            text[j] = DIGITS[b >>> 4];
            text[j + 1] = DIGITS[b & 0x0f];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Lowercase hex of {@code bytes} last byte first: a hash in the display order Bitcoin Core prints. */
    public static String encodeReversed(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = bytes.length - 1, j = 0; i >= 0; i--, j += 2) {
            int b = bytes[i] & 0xff;
            text[j] = DIGITS[b >>> 4];
            text[j + 1] = DIGITS[b & 0x0f];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes of hex text (either case); throws {@link IllegalArgumentException} naming the position of the first
     * bad character or the odd length, and the text itself (shortened when long).
     */
    public static byte[] decode(String hex) {
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException("hex of odd length " + hex.length() + ": " + excerpt(hex));
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = digit(hex.charAt(2 * i));
            int low = digit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                int position = high < 0 ? 2 * i : 2 * i + 1;
                throw new IllegalArgumentException("not a hex digit '" + hex.charAt(position) + "' at position "
                        + position + " of " + excerpt(hex));
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** 0..15 for an ASCII hex digit of either case, else -1 (Character.digit would take other scripts' digits). */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 80) + "...' (" + text.length()
                + " chars)";
    }
}
