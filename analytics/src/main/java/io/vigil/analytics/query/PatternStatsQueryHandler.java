package io.vigil.analytics.query;

import io.vigil.analytics.api.FindPatternStatsQuery;
import io.vigil.analytics.api.PatternStats;
import io.vigil.analytics.store.ClickHouse;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindPatternStatsQuery} from ClickHouse's {@code pattern_hits} and {@code outcomes}: hits in the last
 * hour and day by mode, and over the last 30 days the hits whose transaction's latest label is fraud or legitimate.
 * Reads only the time range asked for, on the tables' sorting key.
 */
@Component
class PatternStatsQueryHandler {

    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;
    private static final long LABEL_DAYS = 30;

    private final ClickHouse clickHouse;
    private final Clock clock;

    @Autowired
    PatternStatsQueryHandler(ClickHouse clickHouse) {
        this(clickHouse, Clock.systemUTC());
    }

    PatternStatsQueryHandler(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    @QueryHandler
    PatternStats handle(FindPatternStatsQuery query) throws SQLException {
        if (query.patternIds().isEmpty()) {
            return new PatternStats(Map.of());
        }
        long now = clock.instant().getEpochSecond();
        String ids = query.patternIds().stream().map(ClickHouse::quote).collect(Collectors.joining(","));
        String hits = clickHouse.table("pattern_hits");
        Map<String, long[]> figures = new HashMap<>();
        String recent = "SELECT pattern_id, shadow, sum(recorded_at >= toDateTime(" + (now - HOUR) + ")), count()"
                + " FROM " + hits + " WHERE recorded_at >= toDateTime(" + (now - DAY) + ") AND pattern_id IN ("
                + ids + ") GROUP BY pattern_id, shadow";
        clickHouse.query(recent, rs -> {
            long[] f = figures.computeIfAbsent(rs.getString(1), id -> new long[6]);
            int offset = rs.getInt(2) == 1 ? 2 : 0;
            f[offset] += rs.getLong(3);
            f[offset + 1] += rs.getLong(4);
            return null;
        });
        String labelled = "SELECT pattern_id, sum(outcome IN ('chargeback', 'confirmed_fraud')),"
                + " sum(outcome = 'confirmed_legitimate') FROM (SELECT transaction_id, pattern_id FROM " + hits
                + " WHERE recorded_at >= toDateTime(" + (now - LABEL_DAYS * DAY) + ") AND pattern_id IN (" + ids
                + ")) ANY INNER JOIN (SELECT transaction_id, argMax(outcome, recorded_at) AS outcome FROM "
                + clickHouse.table("outcomes") + " GROUP BY transaction_id) USING transaction_id GROUP BY pattern_id";
        clickHouse.query(labelled, rs -> {
            long[] f = figures.computeIfAbsent(rs.getString(1), id -> new long[6]);
            f[4] = rs.getLong(2);
            f[5] = rs.getLong(3);
            return null;
        });
        Map<String, PatternStats.Stat> stats = new HashMap<>();
        figures.forEach((id, f) -> stats.put(id, new PatternStats.Stat(f[0], f[1], f[2], f[3], f[4], f[5])));
        return new PatternStats(stats);
    }
}
