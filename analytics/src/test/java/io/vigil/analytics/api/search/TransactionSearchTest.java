package io.vigil.analytics.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.SearchSort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final TransactionSearch search = new TransactionSearch("vigil");

    @Test
    void theIdHashIsClickHousesHalfMd5() {
        // SELECT halfMD5('bt-1') on ClickHouse 18.16
        assertThat(TransactionSearch.idHash("bt-1")).isEqualTo("16918875880266336996");
    }

    @Test
    void aCardWithNoOtherFilterIsAnsweredFromTheLookupTableAlone() {
        List<String> sql = search.pageQueries(query(null, "card-7", null, null, SearchSort.TIME_DESC, 0), NOW);

        assertThat(sql)
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .startsWith(
                                "SELECT toUInt32(event_time), id_hash FROM vigil.transaction_search_keys WHERE kind ="
                                        + " 'card' AND value = 'card-7'")
                        .endsWith("ORDER BY event_time DESC, id_hash DESC LIMIT 0, 51"));
    }

    @Test
    void aCardWithAScoreRangeSortedByScoreIsAnsweredFromTheLookupTableToo() {
        List<String> sql = search.pageQueries(query(null, "card-7", 50.0, null, SearchSort.SCORE_DESC, 2), NOW);

        assertThat(sql)
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .contains("FROM vigil.transaction_search_keys WHERE kind = 'card' AND value = 'card-7' AND"
                                + " score >= 50")
                        .endsWith("ORDER BY score DESC, event_time DESC, id_hash DESC LIMIT 100, 51"));
    }

    @Test
    void aCardAndADecisionRestrictTheSearchTableByTheLookupsKeys() {
        List<String> sql = search.pageQueries(query("decline", "card-7", null, null, SearchSort.AMOUNT_ASC, 0), NOW);

        assertThat(sql)
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .contains("FROM vigil.transaction_search WHERE (event_time, id_hash) IN (SELECT event_time,"
                                + " id_hash FROM vigil.transaction_search_keys WHERE kind = 'card' AND value ="
                                + " 'card-7') AND decision = 'decline'")
                        .endsWith("ORDER BY amount, event_time, id_hash LIMIT 0, 51"));
    }

    @Test
    void aNewestFirstSearchWithoutALookupTriesADayThenEightDaysThenEverything() {
        List<String> sql = search.pageQueries(query("review", null, null, null, SearchSort.TIME_DESC, 0), NOW);

        long end = NOW.getEpochSecond() + 86_400;
        assertThat(sql).hasSize(3);
        assertThat(sql.get(0)).contains("event_time >= toDateTime(" + (end - 86_400) + ")");
        assertThat(sql.get(1)).contains("event_time >= toDateTime(" + (end - 8 * 86_400) + ")");
        assertThat(sql.get(2)).doesNotContain("event_time >=").contains("decision = 'review'");
    }

    @Test
    void aWindowIsUsedOnlyUntilItHoldsMoreThanAPage() throws Exception {
        List<String> asked = new ArrayList<>();
        search.run(query("review", null, null, null, SearchSort.TIME_DESC, 0), NOW, sql -> {
            asked.add(sql);
            if (sql.contains("toUInt32(event_time), id_hash FROM vigil.transaction_search WHERE")) {
                // the first window holds too few, the second enough
                int rows = asked.size() == 1 ? 3 : 51;
                List<String[]> keys = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    keys.add(new String[] {String.valueOf(1_000 - i), String.valueOf(i)});
                }
                return keys;
            }
            return List.of();
        });

        assertThat(asked).hasSize(4); // two windows, then the rows and the labels of the page
        assertThat(asked.get(2)).startsWith("SELECT transaction_id");
        assertThat(asked.get(3)).contains("argMax(label, (rank, reported_ms))");
    }

    @Test
    void textsAreQuotedSoAValueCannotEndTheLiteral() {
        List<String> sql = search.pageQueries(query(null, null, null, "m' OR 1=1 --\\", SearchSort.TIME_ASC, 0), NOW);

        assertThat(sql.get(sql.size() - 1)).contains("merchant_id = 'm\\' OR 1=1 --\\\\'");
    }

    @Test
    void badParametersNameTheirField() {
        assertThatThrownBy(() -> query("maybe", null, null, null, null, 0)).hasMessageStartingWith("decision ");
        assertThatThrownBy(() -> query(null, null, Double.NaN, null, null, 0)).hasMessageStartingWith("minScore ");
        assertThatThrownBy(() -> query(null, null, null, null, null, 200)).hasMessageStartingWith("page ");
        assertThatThrownBy(() -> SearchSort.parse("sort", "name")).hasMessageStartingWith("sort ");
    }

    private static FindTransactionsQuery query(
            String decision, String card, Double minScore, String merchant, SearchSort sort, int page) {
        return new FindTransactionsQuery(
                null, null, card, null, null, null, merchant, decision, null, null, minScore, null, null, null, null,
                null, sort, page, 50);
    }
}
