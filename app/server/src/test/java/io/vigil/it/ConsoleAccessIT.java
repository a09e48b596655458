package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console users against the packaged Vigil and the real PostgreSQL, through the console as a browser uses it: an admin
 * creates users, who sign in with a one-time password they must change; a viewer sees no action and is refused one;
 * a form without its CSRF token changes nothing; a disabled user's session ends; repeated failures are throttled. Each
 * change is in {@code access_user} and has its event in the event store, without any password.
 */
class ConsoleAccessIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static VigilProcess vigil;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
    }

    @Test
    void aNewUserSignsInWithTheOneTimePasswordAndMustChangeItFirst() throws Exception {
        String username = "it-" + RUN + "-vera";
        String oneTime = create(username, "viewer");
        assertThat(row(username)).containsEntry("role", "viewer").containsEntry("must_change_password", "true");
        assertThat(row(username).get("password_hash")).startsWith("{bcrypt}$2").doesNotContain(oneTime);

        ConsoleSession vera = ConsoleSession.signIn(vigil, username, oneTime).orElseThrow();
        HttpResponse<String> start = vera.get("/");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(ConsoleSession.location(start)).isEqualTo("/account/password");
        assertThat(vera.get("/alerts", "HX-Request", "true").headers().firstValue("HX-Redirect"))
                .hasValue("/account/password");
        assertThat(vera.get("/account/password").body()).contains("id=\"must-change\"");

        assertThat(ConsoleSession.location(vera.changePassword(oneTime, username)))
                .as("the username is refused as a password")
                .isNull();
        String chosen = "correct horse battery " + RUN;
        assertThat(ConsoleSession.location(vera.changePassword(oneTime, chosen)))
                .isEqualTo("/account/password?changed=true");

        assertThat(row(username)).containsEntry("must_change_password", "false");
        assertThat(vera.get("/").statusCode()).as("the same session goes on").isEqualTo(200);
        assertThat(ConsoleSession.signIn(vigil, username, oneTime))
                .as("the one-time password is spent")
                .isEmpty();
        assertThat(ConsoleSession.signIn(vigil, username, chosen)).isPresent();
        assertThat(userEvents(username)).containsExactly("UserCreatedEvent", "UserPasswordChangedEvent");
        assertThat(userEventPayloads(username))
                .allSatisfy(payload -> assertThat(payload).doesNotContain(oneTime, chosen, "bcrypt", "password\":"));
    }

    @Test
    void aViewerSeesNoActionsAndAForgedActionIsRefused() throws Exception {
        String monitor = newMonitor();
        ConsoleSession viewer = signedInAs("it-" + RUN + "-viewer", "viewer");

        String page = viewer.get("/monitors").body();
        assertThat(page).contains("data-monitor-id=\"" + monitor + "\"").doesNotContain(">Pause<", "Create monitor");

        HttpResponse<String> forged = viewer.post("/monitors/" + monitor + "/pause", Map.of(), "HX-Request", "true");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Your role may not do this").doesNotContain("Exception", "<html");
        HttpResponse<String> plain = viewer.post("/monitors/" + monitor + "/pause", Map.of());
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.body()).contains("<html", "Your role may not do this, so nothing was changed.");
        assertThat(vigil.get("/api/v1/monitors/" + monitor).body()).contains("\"status\":\"active\"");
    }

    @Test
    void anOperatorActsAndIsNamedAsWhoActed() throws Exception {
        String monitor = newMonitor();
        String username = "it-" + RUN + "-olivia";
        ConsoleSession operator = signedInAs(username, "operator");

        HttpResponse<String> paused = operator.post("/monitors/" + monitor + "/pause", Map.of(), "HX-Request", "true");

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(vigil.get("/api/v1/monitors/" + monitor).body()).contains("\"status\":\"paused\"");
        assertThat(eventPayloads("payloadType like '%MonitorPausedEvent' and aggregateIdentifier = ?", monitor))
                .singleElement()
                .asString()
                .contains("\"by\":\"" + username + "\"");
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        String monitor = newMonitor();
        ConsoleSession admin = vigil.console();
        String origin = ConsoleSession.origin(vigil);

        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(vigil.uri("/monitors/" + monitor + "/pause"))
                                .header("Cookie", admin.cookie())
                                .header("Origin", origin)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("reason=none"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("the page it came from is out of date", "Nothing was changed");
        assertThat(vigil.get("/api/v1/monitors/" + monitor).body()).contains("\"status\":\"active\"");
    }

    @Test
    void aDisabledUserIsSignedOutAndCannotSignInAgain() throws Exception {
        String username = "it-" + RUN + "-dave";
        String password = "dave's own password " + RUN;
        ConsoleSession dave = signedInAs(username, "operator", password);
        assertThat(dave.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled =
                vigil.console().post("/users/" + username + "/disable", Map.of(), "HX-Request", "true");
        assertThat(disabled.body()).contains(username + " is disabled and signed out.");

        HttpResponse<String> next = dave.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(ConsoleSession.location(next)).isEqualTo("/login?disabled");
        ConsoleSession.Attempt again = ConsoleSession.signInAttempt(vigil, username, password);
        assertThat(again.signedIn()).isFalse();
        assertThat(ConsoleSession.refusal(vigil, again)).isEqualTo("This user is disabled: ask an admin to enable it.");
        assertThat(row(username)).containsEntry("enabled", "false");

        vigil.console().post("/users/" + username + "/enable", Map.of(), "HX-Request", "true");
        assertThat(ConsoleSession.signIn(vigil, username, password)).isPresent();
        assertThat(userEvents(username))
                .containsExactly(
                        "UserCreatedEvent", "UserPasswordChangedEvent", "UserDisabledEvent", "UserEnabledEvent");
    }

    @Test
    void fiveFailedSignInsRefuseEvenTheRightPasswordForAWhile() throws Exception {
        String username = "it-" + RUN + "-tess";
        String password = "tess's own password " + RUN;
        signedInAs(username, "viewer", password);

        for (int i = 1; i <= 5; i++) {
            ConsoleSession.Attempt wrong = ConsoleSession.signInAttempt(vigil, username, "wrong password " + i);
            assertThat(ConsoleSession.refusal(vigil, wrong)).isEqualTo("The username or the password is not right.");
        }
        ConsoleSession.Attempt right = ConsoleSession.signInAttempt(vigil, username, password);

        assertThat(right.signedIn()).isFalse();
        assertThat(ConsoleSession.refusal(vigil, right)).isEqualTo("Too many failed sign-ins: try again in 1 minute.");
        assertThat(row(username).get("last_sign_in_at")).isNotNull();
    }

    @Test
    void theSessionCookieAndTheHeadersAreThoseOfTheConsole() throws Exception {
        HttpResponse<String> signInPage = vigil.get("/login");
        assertThat(ConsoleSession.sessionCookieAttributes(signInPage))
                .contains("HttpOnly", "Secure", "SameSite=Lax")
                .doesNotContain("Max-Age", "Expires");
        assertThat(signInPage.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(signInPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(signInPage.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(signInPage.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        assertThat(vigil.get("/css/vigil.css").statusCode())
                .as("style sheets are open")
                .isEqualTo(200);
        HttpResponse<String> page = vigil.get("/monitors");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(ConsoleSession.location(page)).isEqualTo("/login");
        assertThat(vigil.get("/charts/series.png?monitor=none").statusCode())
                .as("a chart of any series is for signed-in users")
                .isEqualTo(302);
        assertThat(vigil.get("/charts/alert.png?id=none").statusCode())
                .as("an alert's chart is open for the notification that links it")
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    /** Creates the user as an admin does in the console, through htmx, and answers the one-time password shown. */
    static String create(String username, String role) throws Exception {
        return vigil.console().createUser(username, role);
    }

    private static ConsoleSession signedInAs(String username, String role) throws Exception {
        return signedInAs(username, role, "the chosen password of " + username);
    }

    /** A new user of this role, signed in and past the change of the one-time password. */
    private static ConsoleSession signedInAs(String username, String role, String password) throws Exception {
        return ConsoleSession.newUser(vigil, username, role, password);
    }

    private static String newMonitor() throws Exception {
        String id = "it-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = vigil.post("/api/v1/monitors", """
                {"id": "%s", "name": "Console access %s", "metric": "count", "operation": "authorization",
                 "dimensions": ["merchant"], "minVolume": 20}
                """.formatted(id, id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    /** The user's row, every column as text ({@code true}/{@code false} for booleans). */
    static Map<String, String> row(String username) throws SQLException {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement ps = c.prepareStatement("SELECT username, role, password_hash,"
                        + " must_change_password::text, enabled::text, last_sign_in_at::text FROM access_user"
                        + " WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for " + username).isTrue();
                Map<String, String> row = new java.util.HashMap<>();
                for (String column :
                        List.of("role", "password_hash", "must_change_password", "enabled", "last_sign_in_at")) {
                    row.put(column, rs.getString(column));
                }
                return row;
            }
        }
    }

    /** The simple names of the user events about this user, in the order stored. */
    static List<String> userEvents(String username) throws SQLException {
        List<String> types = new ArrayList<>();
        for (String[] event : userEventRows(username)) {
            types.add(event[0].replaceFirst("^.*\\.", ""));
        }
        return types;
    }

    private static List<String> userEventPayloads(String username) throws SQLException {
        return userEventRows(username).stream().map(e -> e[1]).toList();
    }

    private static List<String[]> userEventRows(String username) throws SQLException {
        return eventRows(
                "payloadType like 'io.vigil.access.api.User%' and convert_from(payload, 'UTF8')::jsonb ->> 'username'"
                        + " = ?",
                username);
    }

    private static List<String> eventPayloads(String where, String value) throws SQLException {
        return eventRows(where, value).stream().map(e -> e[1]).toList();
    }

    private static List<String[]> eventRows(String where, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement ps = c.prepareStatement("SELECT payloadType, convert_from(payload, 'UTF8')"
                        + " FROM DomainEventEntry WHERE " + where + " ORDER BY globalIndex")) {
            ps.setString(1, value);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return rows;
        }
    }
}
