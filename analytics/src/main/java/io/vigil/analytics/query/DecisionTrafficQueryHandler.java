package io.vigil.analytics.query;

import io.vigil.analytics.api.DecisionTraffic;
import io.vigil.analytics.api.FindDecisionTrafficQuery;
import io.vigil.analytics.store.ClickHouse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindDecisionTrafficQuery} from ClickHouse's {@code decisions} and {@code pattern_hits}, by the minute
 * each decision was stored (their sorting key, so only the range asked for is read). The current minute is included:
 * the overview shows it filling.
 */
@Component
class DecisionTrafficQueryHandler {

    private static final int TOP_PATTERNS = 5;

    private final ClickHouse clickHouse;
    private final Clock clock;

    @Autowired
    DecisionTrafficQueryHandler(ClickHouse clickHouse) {
        this(clickHouse, Clock.systemUTC());
    }

    DecisionTrafficQueryHandler(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    @QueryHandler
    DecisionTraffic handle(FindDecisionTrafficQuery query) throws SQLException {
        long last = clock.instant().getEpochSecond() / 60 * 60;
        long first = last - (query.minutes() - 1) * 60L;
        Map<Long, long[]> counts = new HashMap<>();
        String decisions = "SELECT toUnixTimestamp(toStartOfMinute(recorded_at)) AS m, decision, count(), sum(fallback)"
                + " FROM " + clickHouse.table("decisions") + " WHERE recorded_at >= toDateTime(" + first
                + ") GROUP BY m, decision";
        clickHouse.query(decisions, rs -> {
            long[] c = counts.computeIfAbsent(rs.getLong(1), m -> new long[4]);
            switch (rs.getString(2)) {
                case "approve" -> c[0] += rs.getLong(3);
                case "review" -> c[1] += rs.getLong(3);
                case "decline" -> c[2] += rs.getLong(3);
                default -> {}
            }
            c[3] += rs.getLong(4);
            return null;
        });
        List<DecisionTraffic.Minute> minutes = new ArrayList<>(query.minutes());
        for (long m = first; m <= last; m += 60) {
            long[] c = counts.getOrDefault(m, new long[4]);
            minutes.add(new DecisionTraffic.Minute(Instant.ofEpochSecond(m), c[0], c[1], c[2], c[3]));
        }
        String patterns = "SELECT pattern_id, count() AS hits FROM " + clickHouse.table("pattern_hits")
                + " WHERE recorded_at >= toDateTime(" + first + ") AND shadow = 0 GROUP BY pattern_id"
                + " ORDER BY hits DESC, pattern_id LIMIT " + TOP_PATTERNS;
        List<DecisionTraffic.PatternCount> top =
                clickHouse.query(patterns, rs -> new DecisionTraffic.PatternCount(rs.getString(1), rs.getLong(2)));
        return new DecisionTraffic(minutes, top);
    }
}
