package io.vigil.patterns.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListValuesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "EMAIL    | ' Ann.Lee@Example.COM '  | ann.lee@example.com",
                "IP       | 10.1.2.3                 | 10.1.2.3",
                "IP       | 2001:DB8:0::7            | 2001:db8:0:0:0:0:0:7",
                "IP       | ::ffff:10.1.2.3          | 10.1.2.3",
                "CARD_BIN | 41111111                 | 41111111",
                "CARD     | ' Card-7F3a '            | Card-7F3a",
                "DEVICE   | dev-1                    | dev-1",
                "CUSTOMER | Cust 42                  | Cust 42"
            })
    void normalisesEachKindAsScoringCompares(ListKind kind, String raw, String expected) {
        ListValues.Checked checked = ListValues.normalise(kind, raw);

        assertThat(checked.problem()).isNull();
        assertThat(checked.value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "EMAIL    | ann.example.com | value must be an e-mail address",
                "EMAIL    | ann@            | value must be an e-mail address",
                "IP       | 10.1.2          | value must be an IPv4 or IPv6 address",
                "IP       | 010.1.2.3       | value must be an IPv4 or IPv6 address",
                "IP       | example.com     | value must be an IPv4 or IPv6 address",
                "CARD_BIN | 41111           | value must be a card BIN of 6 to 8 digits",
                "CARD_BIN | 411111111       | value must be a card BIN of 6 to 8 digits",
                "CARD_BIN | 4111a1          | value must be a card BIN of 6 to 8 digits",
                "CARD     | '   '           | value is required"
            })
    void refusesWhatScoringCouldNeverMatch(ListKind kind, String raw, String problem) {
        ListValues.Checked checked = ListValues.normalise(kind, raw);

        assertThat(checked.value()).isNull();
        assertThat(checked.problem()).isEqualTo(problem);
    }

    @org.junit.jupiter.api.Test
    void refusesAReasonTooLongAndAnExpiryThatHasPassed() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        assertThat(ListValues.reasonProblem("r".repeat(501), true)).isEqualTo("reason must be at most 500 characters");
        assertThat(ListValues.reasonProblem(null, true)).isEqualTo("reason is required");
        assertThat(ListValues.reasonProblem(null, false)).isNull();
        assertThat(ListValues.expiryProblem(now, now)).isEqualTo("expiresAt must be in the future");
        assertThat(ListValues.expiryProblem(now.plusSeconds(1), now)).isNull();
        assertThat(ListValues.expiryProblem(null, now)).isNull();
    }

    @org.junit.jupiter.api.Test
    void givesEveryValueOfAListOneDocumentIdOfItsOwn() {
        assertThat(ListIds.documentId(ListType.BLOCK, ListKind.CARD, "card-1"))
                .isEqualTo(ListIds.documentId(ListType.BLOCK, ListKind.CARD, "card-1"))
                .startsWith("list-block-card-")
                .hasSize("list-block-card-".length() + 32)
                .isNotEqualTo(ListIds.documentId(ListType.BLOCK, ListKind.CARD, "card-2"))
                .isNotEqualTo(ListIds.documentId(ListType.ALLOW, ListKind.CARD, "card-1"));
    }
}
