package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.notify.AlertNotice.Unit;
import org.junit.jupiter.api.Test;

/** How the messages write numbers for people ({@link HumanFormat}). */
class NotificationMessageFormatTest {

    @Test
    void ratesAreInPercentWithTwoDecimalsNearTheEnds() {
        assertThat(HumanFormat.value(0.973, Unit.RATE)).isEqualTo("97.3%");
        assertThat(HumanFormat.value(0.9995, Unit.RATE)).isEqualTo("99.95%");
        assertThat(HumanFormat.value(0.0004, Unit.RATE)).isEqualTo("0.04%");
        assertThat(HumanFormat.value(1, Unit.RATE)).isEqualTo("100%");
        assertThat(HumanFormat.value(0, Unit.RATE)).isEqualTo("0%");
    }

    @Test
    void countsAreWholeWithThousandsSeparators() {
        assertThat(HumanFormat.value(1_234_567.4, Unit.COUNT)).isEqualTo("1,234,567");
        assertThat(HumanFormat.value(999.5, Unit.COUNT)).isEqualTo("1,000");
    }

    @Test
    void otherNumbersKeepUpToTwoDecimals() {
        assertThat(HumanFormat.value(1234.567, Unit.NUMBER)).isEqualTo("1,234.57");
        assertThat(HumanFormat.value(12, Unit.NUMBER)).isEqualTo("12");
        assertThat(HumanFormat.value(Double.NaN, Unit.NUMBER)).isEqualTo("n/a");
    }

    @Test
    void changesAreSignedAndRelativeWithPercentagePointsForRates() {
        assertThat(HumanFormat.change(120, 100, Unit.COUNT)).isEqualTo("+20.0%");
        assertThat(HumanFormat.change(0.912, 0.975, Unit.RATE)).isEqualTo("-6.5% (-6.3 pp)");
        assertThat(HumanFormat.change(0.9990, 0.9995, Unit.RATE)).isEqualTo("-0.1% (-0.05 pp)");
        assertThat(HumanFormat.change(100, 100.0001, Unit.NUMBER)).isEqualTo("0.0%");
    }

    @Test
    void thereIsNoChangeToShowWithoutAnExpectedValue() {
        assertThat(HumanFormat.change(5, 0, Unit.COUNT)).isNull();
        assertThat(HumanFormat.change(5, Double.NaN, Unit.COUNT)).isNull();
    }

    @Test
    void smallPValuesAreInScientificNotation() {
        assertThat(HumanFormat.pValue(0.031)).isEqualTo("0.031");
        assertThat(HumanFormat.pValue(0.000032)).isEqualTo("3.2e-05");
        assertThat(HumanFormat.pValue(Double.NaN)).isEqualTo("n/a");
    }
}
