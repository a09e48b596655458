package io.vigil.access.keys;

import io.vigil.access.api.ApiKeySummary;
import io.vigil.access.api.ApiScope;
import io.vigil.ingest.api.SubmitterWebhook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code access_api_key} table. */
@Repository
class ApiKeyStore {

    private static final String SUMMARY_COLUMNS = "key_id, name, prefix, scopes, rate_per_second, burst, created_at,"
            + " created_by, revoked_at, revoked_by, last_used_at, webhook_url";

    private final JdbcTemplate jdbc;

    ApiKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A key that may authenticate requests, as each node holds it in memory. */
    record ActiveKey(
            String keyId,
            String name,
            String prefix,
            byte[] sha256,
            Set<ApiScope> scopes,
            Integer ratePerSecond,
            Integer burst) {}

    void insert(
            String keyId,
            String name,
            String prefix,
            byte[] sha256,
            Set<ApiScope> scopes,
            Integer ratePerSecond,
            Integer burst,
            Instant at,
            String by,
            String webhookUrl,
            String webhookSecret) {
        jdbc.update(
                "INSERT INTO access_api_key (key_id, name, prefix, secret_sha256, scopes, rate_per_second, burst,"
                        + " created_at, created_by, webhook_url, webhook_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                keyId,
                name,
                prefix,
                sha256,
                wire(scopes),
                ratePerSecond,
                burst,
                Timestamp.from(at),
                by,
                webhookUrl,
                webhookSecret);
    }

    /** The webhook URL and signing secret of the key with this prefix, if it has one and is not revoked. */
    Optional<SubmitterWebhook> webhook(String prefix) {
        return jdbc
                .query(
                        "SELECT webhook_url, webhook_secret FROM access_api_key WHERE prefix = ? AND revoked_at IS NULL"
                                + " AND webhook_url IS NOT NULL",
                        (rs, i) -> new SubmitterWebhook(rs.getString(1), rs.getString(2)),
                        prefix)
                .stream()
                .findFirst();
    }

    /** Marks a key revoked; false when there is no such key or it was revoked before. */
    boolean revoke(String keyId, Instant at, String by) {
        return jdbc.update(
                        "UPDATE access_api_key SET revoked_at = ?, revoked_by = ?,"
                                + " revision = nextval('access_key_revision') WHERE key_id = ? AND revoked_at IS NULL",
                        Timestamp.from(at),
                        by,
                        keyId)
                == 1;
    }

    Optional<ApiKeySummary> find(String keyId) {
        return jdbc
                .query("SELECT " + SUMMARY_COLUMNS + " FROM access_api_key WHERE key_id = ?", this::summary, keyId)
                .stream()
                .findFirst();
    }

    List<ApiKeySummary> list(boolean includeRevoked) {
        return jdbc.query(
                "SELECT " + SUMMARY_COLUMNS + " FROM access_api_key"
                        + (includeRevoked ? "" : " WHERE revoked_at IS NULL")
                        + " ORDER BY created_at DESC, key_id",
                this::summary);
    }

    /** The highest revision: it changes whenever a key is created or revoked, on any node. */
    long revision() {
        Long revision = jdbc.queryForObject("SELECT coalesce(max(revision), 0) FROM access_api_key", Long.class);
        return revision == null ? 0 : revision;
    }

    List<ActiveKey> active() {
        return jdbc.query(
                "SELECT key_id, name, prefix, secret_sha256, scopes, rate_per_second, burst FROM access_api_key"
                        + " WHERE revoked_at IS NULL",
                (rs, row) -> new ActiveKey(
                        rs.getString("key_id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getBytes("secret_sha256"),
                        scopes(rs.getString("scopes")),
                        (Integer) rs.getObject("rate_per_second"),
                        (Integer) rs.getObject("burst")));
    }

    /** Writes when each key was last used (never earlier than what is stored). */
    void touch(Map<String, Instant> lastUsed) {
        jdbc.batchUpdate(
                "UPDATE access_api_key SET last_used_at = greatest(coalesce(last_used_at, ?), ?) WHERE key_id = ?",
                lastUsed.entrySet().stream()
                        .map(e -> new Object[] {Timestamp.from(e.getValue()), Timestamp.from(e.getValue()), e.getKey()})
                        .toList());
    }

    private ApiKeySummary summary(ResultSet rs, int row) throws SQLException {
        return new ApiKeySummary(
                rs.getString("key_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes(rs.getString("scopes")),
                (Integer) rs.getObject("rate_per_second"),
                (Integer) rs.getObject("burst"),
                instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"),
                instant(rs.getTimestamp("last_used_at")),
                rs.getString("webhook_url"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String wire(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::wireName).collect(Collectors.joining(","));
    }

    static Set<ApiScope> scopes(String wire) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(wire.split(","))
                .map(ApiScope::fromWireName)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return scopes;
    }
}
