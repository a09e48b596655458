package io.vigil.ingest.review;

import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.ReviewItem;
import io.vigil.ingest.api.ReviewQueueOrder;
import io.vigil.ingest.api.ReviewQueuePage;
import io.vigil.ingest.api.ReviewStatus;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionReviewedEvent;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code review_queue} table. Claims are compared with PostgreSQL's clock ({@code now()}), never a node's, so all
 * nodes agree on when one expires, and each claim is one conditional update, so two analysts cannot both win one.
 */
@Component
class ReviewQueueTable {

    private static final String COLUMNS = "transaction_id, transaction_at, decided_at, merchant_id, customer_id,"
            + " card_fingerprint, amount, currency, score, pattern_ids, status,"
            + " CASE WHEN claim_expires_at > now() THEN claimed_by END,"
            + " CASE WHEN claim_expires_at > now() THEN claim_expires_at END,"
            + " reviewed_by, reviewed_at, reason";

    private final JdbcTemplate jdbc;

    ReviewQueueTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a transaction decided {@code review}; one there already stays as it is. */
    void add(TransactionDetails tx, RiskDecision decision) {
        jdbc.update(con -> {
            var insert = con.prepareStatement("INSERT INTO review_queue (transaction_id, merchant_id,"
                    + " customer_id, card_fingerprint, amount, currency, score, pattern_ids, transaction_at,"
                    + " decided_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')"
                    + " ON CONFLICT (transaction_id) DO NOTHING");
            insert.setString(1, tx.transactionId());
            insert.setString(2, tx.merchantId());
            insert.setString(3, tx.customerId());
            insert.setString(4, tx.cardFingerprint());
            insert.setBigDecimal(5, tx.amount());
            insert.setString(6, tx.currency());
            insert.setDouble(7, decision.score());
            insert.setArray(
                    8,
                    con.createArrayOf(
                            "text",
                            decision.reasons().stream()
                                    .map(r -> r.patternId())
                                    .distinct()
                                    .toArray()));
            insert.setTimestamp(9, Timestamp.from(tx.timestamp()));
            insert.setTimestamp(10, Timestamp.from(decision.decidedAt()));
            return insert;
        });
    }

    /** Records a review's outcome and ends any claim; the same review again changes nothing. */
    void reviewed(TransactionReviewedEvent event) {
        jdbc.update(
                "UPDATE review_queue SET status = ?, reviewed_by = ?, reviewed_at = ?, reason = ?, claimed_by = NULL,"
                        + " claim_expires_at = NULL WHERE transaction_id = ?",
                wire(ReviewStatus.of(event.finalDecision())),
                event.reviewer(),
                Timestamp.from(event.reviewedAt()),
                event.reason(),
                event.transactionId());
    }

    /**
     * Claims a pending transaction for {@code analyst} for {@code timeout} from now, when nobody else's claim runs.
     *
     * @return whether the claim was taken (or extended)
     */
    boolean claim(String transactionId, String analyst, Duration timeout) {
        return jdbc.update(
                        "UPDATE review_queue SET claimed_by = ?, claim_expires_at = now() + ? * interval '1 millisecond'"
                                + " WHERE transaction_id = ? AND status = 'pending' AND (claimed_by IS NULL"
                                + " OR claimed_by = ? OR claim_expires_at <= now())",
                        analyst,
                        timeout.toMillis(),
                        transactionId,
                        analyst)
                == 1;
    }

    /** Ends {@code analyst}'s claim, if they hold it. */
    void release(String transactionId, String analyst) {
        jdbc.update(
                "UPDATE review_queue SET claimed_by = NULL, claim_expires_at = NULL"
                        + " WHERE transaction_id = ? AND claimed_by = ?",
                transactionId,
                analyst);
    }

    Optional<ReviewItem> find(String transactionId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM review_queue WHERE transaction_id = ?", this::item, transactionId)
                .stream()
                .findFirst();
    }

    ReviewQueuePage find(FindReviewQueueQuery query) {
        StringBuilder where = new StringBuilder(" WHERE status = 'pending'");
        List<Object> args = new ArrayList<>();
        if (query.merchantId() != null) {
            where.append(" AND merchant_id = ?");
            args.add(query.merchantId());
        }
        if (query.patternId() != null) {
            where.append(" AND pattern_ids @> ARRAY[?]::text[]");
            args.add(query.patternId());
        }
        if (query.minAmount() != null) {
            where.append(" AND amount >= ?");
            args.add(query.minAmount());
        }
        if (query.maxAmount() != null) {
            where.append(" AND amount <= ?");
            args.add(query.maxAmount());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM review_queue" + where, Long.class, args.toArray());
        String order = query.order() == ReviewQueueOrder.RISKIEST
                ? " ORDER BY score DESC, decided_at, transaction_id"
                : " ORDER BY decided_at, score DESC, transaction_id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<ReviewItem> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM review_queue" + where + order + " LIMIT ? OFFSET ?",
                this::item,
                pageArgs.toArray());
        return new ReviewQueuePage(items, total == null ? 0 : total, query.page(), query.size());
    }

    /** The pending transactions: how many, and the age of the oldest in seconds (0 when none), by the database's clock. */
    double[] pendingSizeAndOldestAge() {
        return jdbc.queryForObject(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(decided_at)), 0) FROM review_queue"
                        + " WHERE status = 'pending'",
                (rs, i) -> new double[] {rs.getLong(1), Math.max(0, rs.getDouble(2))});
    }

    private ReviewItem item(ResultSet rs, int row) throws SQLException {
        Array patterns = rs.getArray(10);
        return new ReviewItem(
                rs.getString(1),
                instant(rs.getTimestamp(2)),
                instant(rs.getTimestamp(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                rs.getDouble(9),
                patterns == null ? List.of() : Arrays.asList((String[]) patterns.getArray()),
                ReviewStatus.valueOf(rs.getString(11).toUpperCase(Locale.ROOT)),
                rs.getString(12),
                instant(rs.getTimestamp(13)),
                rs.getString(14),
                instant(rs.getTimestamp(15)),
                rs.getString(16));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String wire(ReviewStatus status) {
        return status.wireName();
    }
}
