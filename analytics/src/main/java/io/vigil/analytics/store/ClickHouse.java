package io.vigil.analytics.store;

import io.vigil.analytics.config.ClickHouseSettings;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.yandex.clickhouse.ClickHouseDataSource;
import ru.yandex.clickhouse.ClickHouseStatement;
import ru.yandex.clickhouse.domain.ClickHouseFormat;
import ru.yandex.clickhouse.settings.ClickHouseProperties;

/**
 * Vigil's access to ClickHouse. Kept apart from Spring's DataSource (which is PostgreSQL, the event store). The schema
 * is created on first use, so Vigil starts and decides while ClickHouse is still starting or down.
 */
@Component
public class ClickHouse {

    private static final Logger log = LoggerFactory.getLogger(ClickHouse.class);

    /** Runs a statement and reads its rows. */
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final ClickHouseDataSource dataSource;
    private final String database;
    private volatile boolean schemaReady;
    private volatile Connection shared;

    ClickHouse(ClickHouseSettings settings) {
        ClickHouseProperties properties = new ClickHouseProperties();
        properties.setUser(settings.user());
        properties.setPassword(settings.password());
        properties.setSocketTimeout(settings.socketTimeoutMillis());
        properties.setCompress(false);
        this.dataSource = new ClickHouseDataSource(withCompressOff(settings.url()), properties);
        this.database = settings.database();
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("vigil.clickhouse.database must be a plain identifier: " + database);
        }
    }

    /** The ClickHouse 18.16 HTTP protocol breaks with compressed transfers from this driver. */
    private static String withCompressOff(String url) {
        if (url.contains("compress=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "compress=0";
    }

    /**
     * The shared connection. A connection of this driver is an HTTP client with a pool of its own, safe to share
     * between threads, which reconnects by itself after the server was down; opening one costs a query to the server,
     * so it is opened once.
     */
    private Connection connection() throws SQLException {
        Connection c = shared;
        if (c == null) {
            synchronized (this) {
                c = shared;
                if (c == null) {
                    c = dataSource.getConnection();
                    shared = c;
                }
            }
        }
        return c;
    }

    @PreDestroy
    void close() throws SQLException {
        Connection c = shared;
        if (c != null) {
            c.close();
        }
    }

    /** A table name qualified with Vigil's database. */
    public String table(String name) {
        return database + "." + name;
    }

    public <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
        ensureSchema();
        Connection c = connection();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        }
    }

    /** Runs one SELECT and returns its rows, each column as text (numbers in ClickHouse's plain notation). */
    public List<String[]> textRows(String sql) throws SQLException {
        return query(sql, rs -> {
            String[] row = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getString(i + 1);
            }
            return row;
        });
    }

    /**
     * Inserts rows into a table in one request, streamed as TabSeparated: one block on the server (up to a million
     * rows), and no SQL for the driver to parse or values to bind one by one.
     */
    public void insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        ensureSchema();
        byte[] data = TabSeparated.encode(rows);
        Connection c = connection();
        try (ClickHouseStatement s = c.createStatement().unwrap(ClickHouseStatement.class)) {
            s.write()
                    .send(
                            "INSERT INTO " + table + " (" + String.join(", ", columns) + ")",
                            new ByteArrayInputStream(data),
                            ClickHouseFormat.TabSeparated);
        }
    }

    /** Checks the server answers; returns its version. */
    String ping() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Quotes a string literal for ClickHouse SQL. */
    public static String quote(String value) {
        return io.vigil.analytics.api.search.TransactionSearch.quote(value);
    }

    void ensureSchema() throws SQLException {
        if (schemaReady) {
            return;
        }
        synchronized (this) {
            if (schemaReady) {
                return;
            }
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                for (String statement : schemaStatements()) {
                    s.execute(statement);
                }
            }
            schemaReady = true;
            log.info("ClickHouse schema ready in database {}", database);
        }
    }

    private List<String> schemaStatements() {
        return io.vigil.analytics.api.search.AnalyticsSchema.statements(database);
    }
}
