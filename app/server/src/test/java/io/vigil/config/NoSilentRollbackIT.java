package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Against the real PostgreSQL, through a Hikari pool as Vigil runs: a transaction in which a statement failed is
 * never reported as committed, even when the failure was caught. Spring's own manager, with the same driver, reports
 * it committed while PostgreSQL rolled it all back.
 */
class NoSilentRollbackIT {

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void connect() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(env("VIGIL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/vigil"));
        pool.setUsername(env("VIGIL_DB_USER", "vigil"));
        pool.setPassword(env("VIGIL_DB_PASSWORD", "vigil"));
        pool.setMaximumPoolSize(2);
        jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE IF NOT EXISTS it_silent_rollback (id VARCHAR(64) PRIMARY KEY)");
    }

    @AfterAll
    static void disconnect() {
        if (pool != null) {
            jdbc.execute("DROP TABLE IF EXISTS it_silent_rollback");
            pool.close();
        }
    }

    @Test
    void aTransactionWithACaughtFailedStatementIsRolledBackAndReportedAsFailed() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> writeAndSwallowAFailure(new NoSilentRollbackTransactionManager(pool), id))
                .isInstanceOf(TransactionSystemException.class)
                .hasMessageContaining("a statement of this transaction failed");
        assertThat(stored(id)).isZero();
        // the connection went back to the pool clean
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
    }

    @Test
    void springsOwnManagerReportsTheSameTransactionCommittedAlthoughNothingWasStored() {
        String id = UUID.randomUUID().toString();

        writeAndSwallowAFailure(new JdbcTransactionManager(pool), id);

        assertThat(stored(id)).as("rows of the 'committed' transaction").isZero();
    }

    @Test
    void aTransactionWithoutFailureCommits() {
        String id = UUID.randomUUID().toString();

        new TransactionTemplate(new NoSilentRollbackTransactionManager(pool))
                .executeWithoutResult(s -> jdbc.update("INSERT INTO it_silent_rollback VALUES (?)", id));

        assertThat(stored(id)).isEqualTo(1);
    }

    /** Inserts the id, then inserts it again and catches the failure, as a logging error handler would. */
    private static void writeAndSwallowAFailure(PlatformTransactionManager manager, String id) {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO it_silent_rollback VALUES (?)", id);
            try {
                jdbc.update("INSERT INTO it_silent_rollback VALUES (?)", id);
            } catch (DataAccessException swallowed) {
                // logged and carried on
            }
        });
    }

    private static int stored(String id) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM it_silent_rollback WHERE id = ?", Integer.class, id);
        return count == null ? 0 : count;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
