package io.vigil.patterns.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCsvTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static ListCsv.Reading read(ListKind kind, String csv) {
        return ListCsv.read(new StringReader(csv), kind, 100, NOW);
    }

    @Test
    void readsEveryGoodLineNormalisedWithItsExpiryAndReason() {
        ListCsv.Reading reading = read(ListKind.EMAIL, """
                value,expiresAt,reason
                 Ann@Example.COM ,2027-01-31T00:00:00Z,chargeback
                bob@example.com,,
                "carl, jr@example.com",2027-02-01T01:00:00+01:00,"said ""stolen""\"
                """);

        assertThat(reading.bad()).isEmpty();
        assertThat(reading.lines()).isEqualTo(3);
        assertThat(reading.entries())
                .containsExactly(
                        new ListItem("ann@example.com", Instant.parse("2027-01-31T00:00:00Z"), "chargeback"),
                        new ListItem("bob@example.com", null, null),
                        new ListItem("carl, jr@example.com", Instant.parse("2027-02-01T00:00:00Z"), "said \"stolen\""));
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndEveryRuleItBreaks() {
        ListCsv.Reading reading = read(ListKind.CARD_BIN, """
                value,expiresAt,reason
                411111
                4111

                52000000,yesterday
                411111,,again
                "53
                0000",,a value over two lines
                54000000,2026-01-01T00:00:00Z,x,extra
                """);

        assertThat(reading.entries()).extracting(ListItem::value).containsExactly("411111");
        assertThat(reading.lines()).as("blank lines are not entries").isEqualTo(6);
        assertThat(reading.bad())
                .containsExactly(
                        new ListCsv.BadLine(3, "4111", "value must be a card BIN of 6 to 8 digits"),
                        new ListCsv.BadLine(
                                5, "52000000", "expiresAt must be an ISO-8601 instant such as 2027-01-31T00:00:00Z"),
                        new ListCsv.BadLine(6, "411111", "value is on line 2 already"),
                        new ListCsv.BadLine(7, "53\n0000", "value must not contain control characters (U+000A)"),
                        new ListCsv.BadLine(
                                9, "54000000", "has 4 cells, the header names 3; expiresAt must be in the future"));
    }

    @Test
    void readsColumnsInAnyOrderWhateverTheirCaseAndWithoutTheOptionalOnes() {
        ListCsv.Reading reading = read(ListKind.IP, "Reason,VALUE\r\nproxy,2001:DB8:0::7\r\n,10.0.0.1\r\n");

        assertThat(reading.entries())
                .containsExactly(
                        new ListItem("2001:db8:0:0:0:0:0:7", null, "proxy"), new ListItem("10.0.0.1", null, null));
    }

    @Test
    void ignoresAByteOrderMark() {
        ListCsv.Reading reading = read(ListKind.CARD, "\uFEFFvalue\ncard-1\n");

        assertThat(reading.entries()).extracting(ListItem::value).containsExactly("card-1");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> read(ListKind.CARD, ""))
                .isInstanceOf(ListCsv.CsvFileException.class)
                .hasMessage("the file is empty: its first line must be the header value,expiresAt,reason");
        assertThatThrownBy(() -> read(ListKind.CARD, "\n\n"))
                .isInstanceOf(ListCsv.CsvFileException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void refusesAFileWithoutAHeader() {
        assertThatThrownBy(() -> read(ListKind.CARD, "card-1\ncard-2\n"))
                .isInstanceOf(ListCsv.CsvFileException.class)
                .hasMessage("line 1: the first line must be a header naming the column value, such as"
                        + " value,expiresAt,reason; it reads 'card-1'");
    }

    @Test
    void refusesAHeaderWithoutValueOrWithAnUnknownOrRepeatedColumn() {
        assertThatThrownBy(() -> read(ListKind.CARD, "reason,expiresAt\nx,\n"))
                .hasMessage("line 1: the first line must be a header naming the column value, such as"
                        + " value,expiresAt,reason");
        assertThatThrownBy(() -> read(ListKind.CARD, "value,note\ncard-1,x\n"))
                .hasMessage("line 1: the header names a column 'note'; the columns are value, expiresAt and reason,"
                        + " as in value,expiresAt,reason");
        assertThatThrownBy(() -> read(ListKind.CARD, "value,Value\ncard-1,x\n"))
                .hasMessage("line 1: the header names the column value twice");
    }

    @Test
    void refusesAHeaderWithNoEntries() {
        assertThatThrownBy(() -> read(ListKind.CARD, "value,reason\n"))
                .isInstanceOf(ListCsv.CsvFileException.class)
                .hasMessage("the file has no entries after its header");
    }

    @Test
    void refusesAFileWithMoreLinesThanTheLimitAtTheFirstLineOver() {
        StringBuilder csv = new StringBuilder("value\n");
        for (int i = 0; i < 101; i++) {
            csv.append("card-").append(i).append('\n');
        }
        assertThatThrownBy(() -> read(ListKind.CARD, csv.toString()))
                .isInstanceOf(ListCsv.CsvFileException.class)
                .hasMessage("line 102: the file has more than 100 lines of entries, the most one import takes");
        assertThat(read(ListKind.CARD, csv.substring(0, csv.lastIndexOf("card-100")))
                        .lines())
                .isEqualTo(100);
    }

    @Test
    void refusesAFileWhoseQuoteIsNeverClosedNamingTheLine() {
        assertThatThrownBy(() -> read(ListKind.CARD, "value,reason\ncard-1,ok\n\"card-2,broken\ncard-3,x\n"))
                .isInstanceOf(ListCsv.CsvFileException.class)
                .hasMessageStartingWith("line 3: the file is not valid CSV from here on");
    }

    @Test
    void reportsAValueTooLongOrWithControlCharacters() {
        ListCsv.Reading reading = read(ListKind.DEVICE, "value\n" + "d".repeat(257) + "\n\"dev\u0000ice\"\n");

        assertThat(reading.entries()).isEmpty();
        assertThat(reading.bad())
                .extracting(ListCsv.BadLine::line, ListCsv.BadLine::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "value must be at most 256 characters"),
                        org.assertj.core.groups.Tuple.tuple(3L, "value must not contain control characters (U+0000)"));
        assertThat(reading.bad().get(0).value()).hasSize(101);
    }

    @Test
    void keepsTheGoodLinesOfAFileWithBadOnes() {
        ListCsv.Reading reading = read(ListKind.CUSTOMER, "value\ncust-1\n\ncust-2\n");

        assertThat(reading.entries()).extracting(ListItem::value).isEqualTo(List.of("cust-1", "cust-2"));
    }
}
