package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on end to end against a real OpenID Connect provider (Spring Authorization Server, started in the test):
 * the user signs in at the provider, comes back to Vigil with the role the provider's claim names, and a user whose
 * claim names no Vigil role is refused.
 */
class OidcSignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static OidcProvider provider;
    private static VigilProcess vigil;

    @BeforeAll
    static void startProviderAndVigil() throws Exception {
        int port = VigilProcess.freePort();
        provider = OidcProvider.start("http://127.0.0.1:" + port);
        Map<String, Object> settings = Map.of(
                "spring",
                Map.of(
                        "security",
                        Map.of(
                                "oauth2",
                                Map.of(
                                        "client",
                                        Map.of(
                                                "registration",
                                                Map.of(
                                                        "test",
                                                        Map.of(
                                                                "client-id",
                                                                OidcProvider.CLIENT_ID,
                                                                "client-secret",
                                                                OidcProvider.CLIENT_SECRET,
                                                                "client-name",
                                                                "Test provider",
                                                                "scope",
                                                                List.of("openid", "profile"))),
                                                "provider",
                                                Map.of("test", Map.of("issuer-uri", provider.issuer())))))),
                "vigil",
                Map.of("access", Map.of("oidc", Map.of("role-map", Map.of("fraud-team", "analyst")))));
        // the test's client is Java's, which keeps a Secure cookie away from plain http://127.0.0.1 (browsers send it
        // there: a loopback address is a secure context for them)
        vigil = VigilProcess.dedicated(
                "oidc",
                Map.of(
                        "SPRING_APPLICATION_JSON",
                        JSON.writeValueAsString(settings),
                        "VIGIL_ACCESS_SECURECOOKIES",
                        "false"),
                port);
        vigil.start();
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.stop();
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A browser's part: cookies per host, redirects followed. */
    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Starts sign-in at Vigil, signs in at the provider's form, and answers where the browser lands. */
    private static HttpResponse<String> signIn(HttpClient browser, String user) throws Exception {
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(vigil.uri("/oauth2/authorization/test")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.uri().toString()).as("the provider's sign-in form").startsWith(provider.issuer() + "/login");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the form's CSRF token").isTrue();
        String body = "username=" + user + "&password=password-of-" + user + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(URI.create(provider.issuer() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The refusal a sign-in page shows, if any. */
    private static String problemOn(HttpResponse<String> page) {
        Matcher problem =
                Pattern.compile("id=\"sign-in-problem\"[^>]*>([^<]*)<").matcher(page.body());
        return problem.find() ? problem.group(1) : "no refusal shown";
    }

    private static int status(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(vigil.uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String userRow(String username) throws Exception {
        try (Connection db = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement query = db.prepareStatement(
                        "SELECT origin || ' ' || role || ' ' || (password_hash IS NULL) FROM access_user"
                                + " WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void anOperatorSignsInAtTheProviderAndGetsTheRoleItsClaimNames() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signIn(browser, "ann");

        assertThat(landed.uri().getPath())
                .as(landed.uri() + ": " + problemOn(landed))
                .isEqualTo("/");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("ann");
        assertThat(status(browser, "/monitors")).isEqualTo(200);
        assertThat(status(browser, "/users")).as("an operator is no admin").isEqualTo(403);
        assertThat(userRow("ann")).isEqualTo("oidc operator true");
    }

    @Test
    void aGroupInTheRoleMapGivesItsRole() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signIn(browser, "carol");

        assertThat(landed.uri().getPath())
                .as(landed.uri() + ": " + problemOn(landed))
                .isEqualTo("/");
        assertThat(userRow("carol")).isEqualTo("oidc analyst true");
    }

    @Test
    void aUserWhoseClaimNamesNoVigilRoleIsRefused() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signIn(browser, "bob");

        assertThat(landed.uri().getPath()).isEqualTo("/login");
        assertThat(landed.uri().getQuery()).contains("error");
        assertThat(problemOn(landed)).contains("bob has no Vigil role");
        assertThat(userRow("bob")).isNull();
        HttpResponse<String> console = browser.send(
                HttpRequest.newBuilder(vigil.uri("/monitors")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.uri().getPath()).as("still signed out").isEqualTo("/login");
    }
}
