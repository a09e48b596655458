package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stores {@code ./vigil} starts are locked: another local process without the generated passwords in {@code
 * .vigil/secrets} can neither read nor change them, nor make itself their admin. Before, the pouchdb-server gave every
 * caller {@code _admin}, ClickHouse's {@code default} user had no password and Vigil's own PostgreSQL cluster trusted
 * every local connection.
 *
 * <p>{@code ./vigil test} names the stores it started and locked in {@code VIGIL_TEST_LOCKED_STORES}; a store given by
 * URL (the operator's own) or tests run outside {@code ./vigil test} skip that store's test, saying so.
 */
class LocalStoresLockedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> LOCKED = Set.of(
            System.getenv().getOrDefault("VIGIL_TEST_LOCKED_STORES", "").strip().split("\\s+"));

    @Test
    void clickHouseRefusesItsDefaultUserWithoutThePassword() throws Exception {
        assumeLocked("clickhouse", "ClickHouse");

        HttpResponse<String> anonymous = clickHouse(null, "SELECT 42");
        HttpResponse<String> guessed = clickHouse("default:default", "SELECT 42");
        HttpResponse<String> vigils =
                clickHouse(Stores.CLICKHOUSE_USER + ":" + Stores.CLICKHOUSE_PASSWORD, "SELECT 42");

        assertThat(anonymous.statusCode()).as(anonymous.body()).isIn(401, 403);
        assertThat(anonymous.body()).doesNotContain("42");
        assertThat(guessed.statusCode()).as(guessed.body()).isIn(401, 403);
        assertThat(vigils.body().strip())
                .as("Vigil's own user, with the password")
                .isEqualTo("42");
    }

    @Test
    void theCouchDbApiServerHasAnAdminAndGivesNobodyElseAdminRights() throws Exception {
        assumeLocked("couchdb", "the CouchDB API server");
        String db = Stores.COUCHDB_URL + "/" + Stores.COUCHDB_DB;
        // (creating a database without credentials is not tried: pouchdb-server 4.2 crashes on it once it has an admin)

        assertThat(JSON.readTree(couch("GET", Stores.COUCHDB_URL + "/_session", null, false))
                        .path("userCtx")
                        .path("roles")
                        .toString())
                .as("an anonymous caller's roles")
                .doesNotContain("_admin");
        assertThat(status("GET", Stores.COUCHDB_URL + "/_config", null, false)).isEqualTo(401);
        assertThat(status("PUT", Stores.COUCHDB_URL + "/_config/admins/intruder", "\"secret\"", false))
                .as("making oneself an admin")
                .isEqualTo(401);
        assertThat(status("GET", db + "/_all_docs", null, false)).isIn(401, 403);
        assertThat(status("PUT", db + "/intruder", "{\"type\": \"pattern\"}", false))
                .isIn(401, 403);
        assertThat(status("GET", db + "/intruder", null, true))
                .as("nothing was written")
                .isEqualTo(404);
        assertThat(status("GET", db + "/_all_docs", null, true))
                .as("Vigil's user")
                .isEqualTo(200);
    }

    @Test
    void vigilsOwnPostgreSqlRefusesAConnectionWithoutThePassword() throws Exception {
        assumeLocked("postgresql", "PostgreSQL");

        for (String user : new String[] {Stores.DB_USER, "postgres"}) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(Stores.DB_URL, noPassword)
                            .close())
                    .as("%s without a password", user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            Properties guessed = new Properties();
            guessed.setProperty("user", user);
            guessed.setProperty("password", user);
            assertThatThrownBy(() ->
                            DriverManager.getConnection(Stores.DB_URL, guessed).close())
                    .as("%s with its name as the password", user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        try (Connection vigils = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD)) {
            assertThat(vigils.isValid(5)).as("Vigil's user, with the password").isTrue();
        }
    }

    private static void assumeLocked(String store, String name) {
        assumeTrue(
                LOCKED.contains(store),
                name + " was not started by ./vigil test (a server given by URL, one that was already running, or"
                        + " tests run without ./vigil): locking it is its operator's business");
    }

    private static HttpResponse<String> clickHouse(String credentials, String sql) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stores.CLICKHOUSE_HTTP + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(sql));
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String method, String url, String body, boolean asVigil) throws Exception {
        return send(method, url, body, asVigil).statusCode();
    }

    private static String couch(String method, String url, String body, boolean asVigil) throws Exception {
        return send(method, url, body, asVigil).body();
    }

    private static HttpResponse<String> send(String method, String url, String body, boolean asVigil) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send((asVigil ? Stores.couch(request) : request).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
