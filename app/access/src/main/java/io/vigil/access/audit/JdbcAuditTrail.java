package io.vigil.access.audit;

import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail in PostgreSQL's {@code access_audit}. */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT = "INSERT INTO access_audit"
            + " (at, actor, actor_kind, source_address, action, target, outcome, details)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate alone;

    JdbcAuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void append(AuditRecord record) {
        jdbc.update(
                INSERT,
                Timestamp.from(record.at()),
                record.actorName(),
                record.actorKind(),
                record.sourceAddress(),
                record.action(),
                record.target(),
                record.outcome(),
                record.details());
    }

    @Override
    public void appendAlone(AuditRecord record) {
        alone.executeWithoutResult(status -> append(record));
    }
}
