package io.chainlake.dwd.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void agreesWithTheJdkFormatter() {
        Random random = new Random(42);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String expected = HexFormat.of().formatHex(bytes);
            assertThat(Hex.encode(bytes)).isEqualTo(expected);
            assertThat(Hex.decode(expected)).isEqualTo(bytes);
            assertThat(Hex.decode(expected.toUpperCase())).isEqualTo(bytes);
        }
    }

    @Test
    void reversedIsDisplayOrder() {
        assertThat(Hex.encodeReversed(new byte[] {0x01, 0x02, (byte) 0xff})).isEqualTo("ff0201");
    }

    @Test
    void badTextNamesPositionAndInput() {
        assertThatThrownBy(() -> Hex.decode("00a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hex of odd length 3: '00a'");
        assertThatThrownBy(() -> Hex.decode("00zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a hex digit 'z' at position 2 of '00zz'");
        assertThatThrownBy(() -> Hex.decode("0\u0663")) // ARABIC-INDIC DIGIT THREE is a digit, not hex
                .hasMessage("not a hex digit '\u0663' at position 1 of '0\u0663'");
        assertThatThrownBy(() -> Hex.decode("0".repeat(100) + "0g"))
                .hasMessage("not a hex digit 'g' at position 101 of '" + "0".repeat(80) + "...' (102 chars)");
    }
}
