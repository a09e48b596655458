package io.vigil.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabSeparatedTest {

    private static String encode(Object[]... rows) {
        return new String(TabSeparated.encode(List.of(rows)), StandardCharsets.UTF_8);
    }

    @Test
    void separatesValuesByTabsAndRowsByNewlines() {
        assertThat(encode(new Object[] {"t-1", 12, 3L}, new Object[] {"t-2", 0, 4L}))
                .isEqualTo("t-1\t12\t3\nt-2\t0\t4\n");
    }

    @Test
    void escapesWhatTheFormatReserves() {
        assertThat(encode(new Object[] {"a\tb\nc\\d'e\rf\0g"})).isEqualTo("a\\tb\\nc\\\\d\\'e\\rf\\0g\n");
    }

    @Test
    void writesNumbersInPlainDecimalNotation() {
        assertThat(encode(new Object[] {1.0E10, 0.000001, 12.5, true, false}))
                .isEqualTo("10000000000\t0.000001\t12.5\t1\t0\n");
    }

    @Test
    void keepsTextOutsideAsciiAsUtf8() {
        assertThat(TabSeparated.encode(List.<Object[]>of(new Object[] {"Malmö"})))
                .isEqualTo("Malmö\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesNullsAndNonFiniteNumbers() {
        assertThatThrownBy(() -> encode(new Object[] {null})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(new Object[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }
}
