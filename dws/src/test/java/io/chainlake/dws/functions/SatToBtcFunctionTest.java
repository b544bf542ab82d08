package io.chainlake.dws.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SatToBtcFunctionTest {

    private final SatToBtcFunction satToBtc = new SatToBtcFunction();

    @Test
    void isExactFromOneSatoshiToAllBitcoinEverIssued() {
        assertThat(satToBtc.eval(1L)).isEqualByComparingTo("0.00000001");
        // 2,099,999,997,690,000 sat: every subsidy of Bitcoin's schedule (Core's validation_tests)
        assertThat(satToBtc.eval(2_099_999_997_690_000L)).isEqualByComparingTo(new BigDecimal("20999999.9769"));
        assertThat(satToBtc.eval(null)).isNull();
    }
}
