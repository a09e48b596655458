package io.vigil.access.users;

import io.vigil.access.api.Role;
import io.vigil.access.api.UserSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code access_user} table. Writes run in the caller's transaction: a user command's unit of work, so that a
 * change and its event are stored together or not at all.
 */
@Repository
class UserStore {

    static final String LOCAL = "local";

    private final JdbcTemplate jdbc;

    UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM access_user)", Boolean.class));
    }

    Optional<ConsoleUser> find(String username) {
        return findUser(username, "");
    }

    /** The user, locked until the end of the transaction so that concurrent changes to them take turns. */
    Optional<ConsoleUser> findForUpdate(String username) {
        return findUser(username, " FOR UPDATE");
    }

    private Optional<ConsoleUser> findUser(String username, String lock) {
        return jdbc
                .query(
                        "SELECT username, password_hash, role, enabled, must_change_password FROM access_user"
                                + " WHERE username = ?" + lock,
                        (rs, n) -> new ConsoleUser(
                                rs.getString("username"),
                                rs.getString("password_hash"),
                                role(rs),
                                rs.getBoolean("enabled"),
                                rs.getBoolean("must_change_password"),
                                null),
                        username)
                .stream()
                .findFirst();
    }

    /**
     * How many admins may sign in, with their rows locked until the end of the transaction: two admins demoting each
     * other at the same moment take turns, and the second sees that they would leave none.
     */
    int lockEnabledAdmins() {
        return jdbc.queryForList(
                        "SELECT username FROM access_user WHERE role = ? AND enabled ORDER BY username FOR UPDATE",
                        String.class,
                        Role.ADMIN.wireName())
                .size();
    }

    List<UserSummary> all() {
        return jdbc.query(
                "SELECT username, display_name, role, origin, enabled, must_change_password, created_at, created_by,"
                        + " updated_at, last_sign_in_at FROM access_user ORDER BY username",
                (rs, n) -> new UserSummary(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        role(rs),
                        rs.getString("origin"),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("must_change_password"),
                        instant(rs, "created_at"),
                        rs.getString("created_by"),
                        instant(rs, "updated_at"),
                        instant(rs, "last_sign_in_at")));
    }

    /** Inserts a local user with a one-time password; {@code false} if the username is taken. */
    boolean insert(String username, String displayName, Role role, String passwordHash, String by, Instant at) {
        return jdbc.update(
                        "INSERT INTO access_user (username, display_name, password_hash, role, origin,"
                                + " must_change_password, enabled, created_at, created_by, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, TRUE, TRUE, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                        username,
                        displayName,
                        passwordHash,
                        role.wireName(),
                        LOCAL,
                        Timestamp.from(at),
                        by,
                        Timestamp.from(at))
                == 1;
    }

    void updateRole(String username, Role role, Instant at) {
        jdbc.update(
                "UPDATE access_user SET role = ?, updated_at = ? WHERE username = ?",
                role.wireName(),
                Timestamp.from(at),
                username);
    }

    void updateEnabled(String username, boolean enabled, Instant at) {
        jdbc.update(
                "UPDATE access_user SET enabled = ?, updated_at = ? WHERE username = ?",
                enabled,
                Timestamp.from(at),
                username);
    }

    void updatePassword(String username, String passwordHash, boolean mustChange, Instant at) {
        jdbc.update(
                "UPDATE access_user SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE username = ?",
                passwordHash,
                mustChange,
                Timestamp.from(at),
                username);
    }

    void recordSignIn(String username, Instant at) {
        jdbc.update("UPDATE access_user SET last_sign_in_at = ? WHERE username = ?", Timestamp.from(at), username);
    }

    private static Role role(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        return Role.fromWireName(role)
                .orElseThrow(() -> new IllegalStateException("access_user has the unknown role " + role));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
