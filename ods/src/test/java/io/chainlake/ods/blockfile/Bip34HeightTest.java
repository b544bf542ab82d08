package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Encodings per BIP34 and Bitcoin Core's {@code CScript::push_int64} / {@code CScriptNum::serialize}. */
class Bip34HeightTest {

    private static Integer height(long version, String scriptSigHex) {
        return Bip34Height.of(version, HexFormat.of().parseHex(scriptSigHex));
    }

    @Test
    void smallHeightsAreOpcodes() {
        assertThat(height(2, "00")).isZero();          // OP_0
        assertThat(height(2, "51")).isEqualTo(1);      // OP_1
        assertThat(height(2, "60ff")).isEqualTo(16);   // OP_16, then anything
    }

    @Test
    void largerHeightsAreMinimalLittleEndianPushes() {
        assertThat(height(2, "0111")).isEqualTo(17);
        assertThat(height(2, "028000")).isEqualTo(128);              // 0x80 needs a zero byte for the sign
        assertThat(height(2, "038f3c04062f503253482f")).isEqualTo(277_647); // 0x043c8f
        assertThat(height(0x20000000, "03d8c208")).isEqualTo(574_168);
    }

    @Test
    void noHeightBeforeVersion2() {
        assertThat(height(1, "038f3c04")).isNull();
        assertThat(height(-1, "038f3c04")).isNull();
    }

    @Test
    void nonMinimalNegativeOrTruncatedPushesAreNoHeight() {
        assertThat(height(2, "")).isNull();
        assertThat(height(2, "048f3c0400")).isNull(); // zero top byte not needed
        assertThat(height(2, "0110")).isNull();       // 16 must be OP_16
        assertThat(height(2, "0181")).isNull();       // negative
        assertThat(height(2, "038f3c")).isNull();     // push runs past the script
        assertThat(height(2, "09010203040506070809")).isNull(); // longer than 8 bytes
        assertThat(height(2, "4c03abcdef")).isNull(); // OP_PUSHDATA1 is not how CScript writes a height
    }
}
