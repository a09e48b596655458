package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Vigil's first start, on a database of its own (a fresh PostgreSQL schema) and without {@code
 * vigil.access.initial-admin-password}: it creates {@code admin} with a drawn one-time password, logged once, which
 * must be changed at the first sign-in; and the last enabled admin cannot be demoted or disabled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SCHEMA = "it_first_start_" + RUN;
    private static final Path LOG = Path.of("target", "vigil-first-start.log");
    private static final Pattern LOGGED = Pattern.compile(
            "WARN .*First start: created the console user 'admin' with the one-time password (\\S+) \\(shown only"
                    + " this once");

    private static VigilProcess vigil;
    private static String dbUrl;

    @BeforeAll
    static void startOnAnEmptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        dbUrl = Stores.DB_URL + (Stores.DB_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        Files.deleteIfExists(LOG);
        vigil = VigilProcess.dedicated(
                "first-start", Map.of("VIGIL_DB_URL", dbUrl, "VIGIL_ACCESS_INITIALADMINPASSWORD", ""));
        vigil.start();
    }

    @AfterAll
    static void stopAndDropTheSchema() throws Exception {
        if (vigil != null) {
            vigil.stop();
        }
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    @Order(1)
    void theFirstAdminHasADrawnPasswordLoggedOnceThatMustBeChanged() throws Exception {
        List<String> lines = Files.readAllLines(LOG);
        List<String> logged =
                lines.stream().filter(l -> LOGGED.matcher(l).find()).toList();
        assertThat(logged).hasSize(1);
        Matcher line = LOGGED.matcher(logged.get(0));
        assertThat(line.find()).isTrue();
        String oneTime = line.group(1);
        assertThat(oneTime).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){4}");
        assertThat(query("SELECT role || ' ' || must_change_password || ' ' || enabled || ' ' || created_by"
                        + " FROM access_user"))
                .containsExactly("admin true true vigil");

        ConsoleSession admin = ConsoleSession.signIn(vigil, "admin", oneTime).orElseThrow();
        assertThat(ConsoleSession.location(admin.get("/users"))).isEqualTo("/account/password");
        assertThat(ConsoleSession.location(admin.changePassword(oneTime, ConsoleSession.ADMIN_PASSWORD)))
                .isEqualTo("/account/password?changed=true");

        assertThat(query("SELECT must_change_password::text FROM access_user")).containsExactly("false");
        assertThat(admin.get("/users").statusCode()).isEqualTo(200);
        assertThat(query("SELECT payloadType FROM DomainEventEntry WHERE payloadType LIKE 'io.vigil.access.%'"
                        + " ORDER BY globalIndex"))
                .containsExactly(
                        "io.vigil.access.api.UserCreatedEvent", "io.vigil.access.api.UserPasswordChangedEvent");
        assertThat(query("SELECT aggregateIdentifier || ' ' || payloadType FROM DomainEventEntry"
                        + " WHERE payloadType LIKE 'io.vigil.patterns.%' ORDER BY globalIndex"))
                .as("the default pattern, installed through the lifecycle at the first start")
                .containsExactly(
                        "p-high-amount io.vigil.patterns.api.PatternDraftCreatedEvent",
                        "p-high-amount io.vigil.patterns.api.PatternSubmittedEvent",
                        "p-high-amount io.vigil.patterns.api.PatternApprovedEvent",
                        "p-high-amount io.vigil.patterns.api.PatternPublishedEvent");
        assertThat(String.join("\n", query("SELECT convert_from(payload, 'UTF8') FROM DomainEventEntry")))
                .contains("\"by\":\"vigil\"")
                .doesNotContain(oneTime, "bcrypt");
    }

    @Test
    @Order(2)
    void theLastEnabledAdminCannotBeDemotedOrDisabled() throws Exception {
        ConsoleSession admin = vigil.console();

        assertThat(admin.post("/users/admin/disable", Map.of(), "HX-Request", "true")
                        .body())
                .contains("admin is the last enabled admin and cannot be disabled: make another user admin first.");
        assertThat(admin.post("/users/admin/role", Map.of("role", "operator"), "HX-Request", "true")
                        .body())
                .contains("admin is the last enabled admin and cannot be given another role");
        assertThat(query("SELECT role || ' ' || enabled FROM access_user")).containsExactly("admin true");

        String second = "second-admin";
        assertThat(admin.post("/users", Map.of("username", second, "role", "admin"), "HX-Request", "true")
                        .statusCode())
                .isEqualTo(200);
        admin.post("/users/" + second + "/disable", Map.of(), "HX-Request", "true");
        assertThat(admin.post("/users/admin/role", Map.of("role", "operator"), "HX-Request", "true")
                        .body())
                .as("a disabled admin does not count")
                .contains("admin is the last enabled admin");

        admin.post("/users/" + second + "/enable", Map.of(), "HX-Request", "true");
        HttpResponse<String> demoted =
                admin.post("/users/admin/role", Map.of("role", "operator"), "HX-Request", "true");
        assertThat(demoted.body()).contains("admin now has the role operator.");
        assertThat(admin.get("/users").statusCode())
                .as("the new role applies from the next request")
                .isEqualTo(403);
        assertThat(admin.get("/monitors").statusCode()).isEqualTo(200);
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, Stores.DB_USER, Stores.DB_PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
