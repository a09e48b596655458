package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of a running Vigil, read in PostgreSQL: changes made through the API are recorded with who, from
 * where and what, failures too; the data clients send in bulk is not; nobody can change or delete a row; the
 * console's export gives the rows back as NDJSON.
 */
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "aud" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private static VigilProcess vigil;

    /** A row of {@code access_audit}. */
    record Row(
            long entryId,
            String actor,
            String actorKind,
            String sourceAddress,
            String action,
            String target,
            String outcome,
            String details) {}

    @BeforeAll
    static void start() throws Exception {
        vigil = VigilProcess.shared();
    }

    @Test
    void aMonitorCreatedAndPausedThroughTheApiIsRecordedWithWhoFromWhereAndWhat() throws Exception {
        String id = RUN + "-paused";
        createMonitor(id);
        HttpResponse<String> paused = vigil.post("/api/v1/monitors/" + id + "/pause", "");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);

        List<Row> rows = rowsFor(id);
        assertThat(rows).extracting(Row::action).containsExactly("CreateMonitorCommand", "PauseMonitorCommand");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.outcome()).isEqualTo("success");
            assertThat(row.target()).isEqualTo(id);
            assertThat(row.sourceAddress()).isEqualTo("127.0.0.1");
            // no key and no sign-in on the API yet: the caller is anonymous, never the system
            assertThat(row.actorKind()).isIn("anonymous", "api-key");
        });
        JsonNode created = JSON.readTree(rows.get(0).details());
        assertThat(created.path("monitorId").asText()).isEqualTo(id);
        assertThat(created.path("definition").path("name").asText()).isEqualTo("Audited " + id);
        assertThat(created.path("definition").path("dimensions").toString()).containsIgnoringCase("merchant");
        assertThat(JSON.readTree(rows.get(1).details()).path("monitorId").asText())
                .isEqualTo(id);

        // the events carry the actor of the command that caused them
        assertThat(eventMetadata(id, "MonitorPausedEvent"))
                .contains("\"actor\"", "\"actorKind\"", "\"sourceAddress\":\"127.0.0.1\"");
    }

    @Test
    void aChangeTheMonitorRefusesIsRecordedAsAFailureWithItsReason() throws Exception {
        String id = RUN + "-deleted";
        createMonitor(id);
        assertThat(vigil.delete("/api/v1/monitors/" + id).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = vigil.put("/api/v1/monitors/" + id, monitorJson(id, "Changed after delete"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);

        List<Row> rows = rowsFor(id);
        assertThat(rows)
                .extracting(Row::action, Row::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CreateMonitorCommand", "success"),
                        org.assertj.core.groups.Tuple.tuple("DeleteMonitorCommand", "success"),
                        org.assertj.core.groups.Tuple.tuple("ChangeMonitorCommand", "failure"));
        JsonNode failure = JSON.readTree(rows.get(2).details());
        assertThat(failure.path("error").asText()).contains("was deleted");
        assertThat(failure.path("command").path("definition").path("name").asText())
                .isEqualTo("Changed after delete");
        // the refused change stored no event
        assertThat(Stores.eventTypes(id)).containsExactly("MonitorCreatedEvent", "MonitorDeletedEvent");
    }

    @Test
    void transactionsSubmittedAreNotRecordedButTheirOutcomeReportsAre() throws Exception {
        String id = RUN + "-tx";
        HttpResponse<String> decided = vigil.post("/api/v1/transactions", """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": 12.50, "currency": "EUR",
                 "merchantId": "m-42", "customerId": "c-981", "cardFingerprint": "card-7f3a", "cardBin": "411111",
                 "deviceId": "d-19", "ip": "203.0.113.7", "email": "ann@example.com", "country": "SE",
                 "paymentMethod": "card", "channel": "web", "browser": "chrome", "deviceType": "mobile"}
                """.formatted(id));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        HttpResponse<String> reported =
                vigil.post("/api/v1/transactions/" + id + "/outcome", "{\"outcome\":\"chargeback\"}");
        assertThat(reported.statusCode() / 100).as(reported.body()).isEqualTo(2);

        assertThat(rowsFor(id)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("ReportOutcomeCommand");
            assertThat(row.outcome()).isEqualTo("success");
            assertThat(JSON.readTree(row.details()).path("outcome").asText()).isEqualToIgnoringCase("chargeback");
        });
    }

    @Test
    void nobodyCanChangeOrDeleteTheTrailNotEvenWithVigilsOwnDatabaseRole() throws Exception {
        String id = RUN + "-kept";
        createMonitor(id);
        Row row = rowsFor(id).get(0);

        try (Connection db = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD)) {
            assertThatThrownBy(() -> execute(
                            db, "UPDATE access_audit SET actor = 'someone else' WHERE entry_id = " + row.entryId()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(db, "DELETE FROM access_audit WHERE entry_id = " + row.entryId()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(db, "TRUNCATE access_audit"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(rowsFor(id)).containsExactly(row);
    }

    @Test
    void theExportGivesTheRowsBackAsNdjsonWithTheFiltersOfThePage() throws Exception {
        String id = RUN + "-export";
        createMonitor(id);
        vigil.post("/api/v1/monitors/" + id + "/pause", "");
        vigil.post("/api/v1/monitors/" + id + "/resume", "");

        HttpResponse<String> export = vigil.get(
                "/admin/audit/export?target=" + id + "&outcome=success",
                "Cookie",
                vigil.console().cookie());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<Row> rows = rowsFor(id);
        assertThat(lines).hasSize(3);
        // newest first, the same rows as in the database
        assertThat(lines)
                .extracting(line -> line.path("action").asText())
                .containsExactly("ResumeMonitorCommand", "PauseMonitorCommand", "CreateMonitorCommand");
        assertThat(lines)
                .extracting(line -> line.path("entryId").asLong())
                .containsExactly(
                        rows.get(2).entryId(),
                        rows.get(1).entryId(),
                        rows.get(0).entryId());
        assertThat(lines.get(2).path("details").path("definition").path("name").asText())
                .isEqualTo("Audited " + id);
        assertThat(lines.get(0).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        String page = vigil.get(
                        "/admin/audit?target=" + id, "Cookie", vigil.console().cookie())
                .body();
        assertThat(page).contains("ResumeMonitorCommand", "PauseMonitorCommand", "CreateMonitorCommand");
    }

    private static void createMonitor(String id) throws Exception {
        HttpResponse<String> created = vigil.post("/api/v1/monitors", monitorJson(id, "Audited " + id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static String monitorJson(String id, String name) {
        return """
                {"id": "%s", "name": "%s", "metric": "conversion", "operation": "authorization",
                 "dimensions": ["merchant"], "sensitivity": "medium"}
                """.formatted(id, name);
    }

    /** The rows whose target is this id, oldest first. */
    private static List<Row> rowsFor(String target) throws SQLException {
        try (Connection db = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement select = db.prepareStatement(
                        "SELECT entry_id, actor, actor_kind, source_address, action, target, outcome, details"
                                + " FROM access_audit WHERE target = ? ORDER BY entry_id")) {
            select.setString(1, target);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
            return rows;
        }
    }

    /** The metadata Axon stored with an aggregate's event of this type, as text. */
    private static String eventMetadata(String aggregateId, String eventType) throws SQLException {
        try (Connection db = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement select = db.prepareStatement("SELECT metaData FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? AND payloadType LIKE ?")) {
            select.setString(1, aggregateId);
            select.setString(2, "%." + eventType);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next())
                        .as("a stored %s of %s", eventType, aggregateId)
                        .isTrue();
                return new String(rs.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
