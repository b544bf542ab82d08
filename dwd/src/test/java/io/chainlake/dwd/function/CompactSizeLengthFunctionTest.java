package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CompactSizeLengthFunctionTest {

    private final CompactSizeLengthFunction function = new CompactSizeLengthFunction();

    /** Bitcoin Core src/serialize.h GetSizeOfCompactSize: &lt;253 → 1, ≤0xffff → 3, ≤0xffffffff → 5, else 9. */
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "252, 1", "253, 3", "65535, 3", "65536, 5", "4294967295, 5", "4294967296, 9",
        "9223372036854775807, 9"})
    void coreSizes(long n, int bytes) {
        assertThat(function.eval(n)).isEqualTo(bytes);
    }

    @Test
    void nullAndNegative() {
        assertThat(function.eval(null)).isNull();
        assertThatThrownBy(() -> function.eval(-1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compact_size_length: negative count -1");
    }
}
