package io.chainlake.dwd.function;

import io.chainlake.dwd.parse.Hex;

/** The script bytes of a hex argument; a bad argument fails naming the function and what is wrong with it. */
final class ScriptHex {

    private ScriptHex() {
    }

    static byte[] decode(String function, String hex) {
        try {
            return Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(function + ": " + e.getMessage(), e);
        }
    }
}
