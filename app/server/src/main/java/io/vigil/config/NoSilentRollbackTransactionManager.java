package io.vigil.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's JDBC transaction manager, refusing to commit a PostgreSQL transaction in which a statement failed.
 *
 * <p>Once a statement fails, PostgreSQL aborts the transaction and answers its {@code COMMIT} with {@code ROLLBACK};
 * the driver reports that as a successful commit (its {@code raiseExceptionOnSilentRollback} option was withdrawn).
 * Code that caught the statement's exception, such as Axon's default event handler error handler, would thus have the
 * whole unit of work, its events included, rolled back while the caller is told it succeeded. Before committing,
 * this manager asks the driver for the transaction's state, which the server reports after every statement at no
 * extra round trip, and if it failed rolls back and throws instead.
 */
class NoSilentRollbackTransactionManager extends JdbcTransactionManager {

    NoSilentRollbackTransactionManager(DataSource dataSource) {
        super(dataSource);
        // the refused commit below is rolled back, and so is any commit that fails
        setRollbackOnCommitFailure(true);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        Object holder = TransactionSynchronizationManager.getResource(obtainDataSource());
        if (holder instanceof ConnectionHolder connection && failed(connection.getConnection())) {
            throw new TransactionSystemException(
                    "a statement of this transaction failed, so PostgreSQL would roll it back on commit: rolled back");
        }
        super.doCommit(status);
    }

    /** Whether the connection's transaction is aborted; {@code false} for a driver that cannot say. */
    static boolean failed(Connection connection) {
        try {
            return connection.isWrapperFor(BaseConnection.class)
                    && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
        } catch (SQLException e) {
            return false;
        }
    }
}
