package io.chainlake.dwd.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Bitcoin Core's src/test/arith_uint256_tests.cpp, {@code bignum_SetCompact}. */
class CompactBitsTest {

    @Test
    void zeroMantissasAndSignOnlyMantissasDecodeToZero() {
        for (long bits : new long[] {0L, 0x00123456L, 0x01003456L, 0x02000056L, 0x03000000L, 0x04000000L,
                0x00923456L, 0x01803456L, 0x02800056L, 0x03800000L, 0x04800000L}) {
            CompactBits compact = new CompactBits(bits);
            assertThat(compact.target()).as("%s", compact).isZero();
            assertThat(compact.isNegative()).as("%s", compact).isFalse();
            assertThat(compact.isOverflow()).as("%s", compact).isFalse();
            assertThat(CompactBits.of(compact.target()).value()).isZero();
        }
    }

    @Test
    void coreVectors() {
        assertRoundTrip(0x01123456L, "12", 0x01120000L, false);
        assertRoundTrip(0x02123456L, "1234", 0x02123400L, false);
        assertRoundTrip(0x03123456L, "123456", 0x03123456L, false);
        assertRoundTrip(0x04123456L, "12345600", 0x04123456L, false);
        assertRoundTrip(0x05009234L, "92340000", 0x05009234L, false);
        assertRoundTrip(0x20123456L, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456L,
                false);
        // Negative compacts: the sign flag is dropped from the number and restored by GetCompact(true).
        assertRoundTrip(0x01fedcbaL, "7e", 0x01fe0000L, true);
        assertRoundTrip(0x04923456L, "12345600", 0x04923456L, true);
    }

    @Test
    void mantissaWithTheSignBitSetMovesUpOneByte() {
        // "Make sure that we don't generate compacts with the 0x00800000 bit set": num = 0x80 -> 0x02008000
        assertThat(CompactBits.of(BigInteger.valueOf(0x80)).value()).isEqualTo(0x02008000L);
    }

    @Test
    void overflowIsFlagged() {
        // num.SetCompact(0xff123456) -> fNegative false, fOverflow true
        CompactBits compact = new CompactBits(0xff123456L);
        assertThat(compact.isNegative()).isFalse();
        assertThat(compact.isOverflow()).isTrue();
    }

    @Test
    void rejectsValuesOutsideUnsigned32Bits() {
        assertThatThrownBy(() -> new CompactBits(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new CompactBits(0x1_0000_0000L)).hasMessageContaining("4294967296");
    }

    private static void assertRoundTrip(long bits, String hex, long compactAgain, boolean negative) {
        CompactBits compact = new CompactBits(bits);
        assertThat(compact.target()).as("%s", compact).isEqualTo(new BigInteger(hex, 16));
        assertThat(compact.isNegative()).as("%s negative", compact).isEqualTo(negative);
        assertThat(compact.isOverflow()).as("%s overflow", compact).isFalse();
        assertThat(CompactBits.of(compact.target(), negative).value()).as("%s again", compact).isEqualTo(compactAgain);
    }
}
