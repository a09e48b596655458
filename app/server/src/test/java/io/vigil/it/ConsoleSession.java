package io.vigil.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session in Vigil's console, signed in through the sign-in form as a person does: the session cookie
 * (sent by hand, as a browser sends a {@code Secure} cookie to a loopback address over plain HTTP, which Java's cookie
 * handler would not), the page's CSRF token, and Vigil's own {@code Origin} on every form post.
 *
 * <p>Every Vigil the tests start creates its first admin with {@link #FIRST_ADMIN_PASSWORD}; the first sign-in
 * changes it to {@link #ADMIN_PASSWORD}, as it must be, and later sign-ins (another Vigil on the same database) use
 * that.
 */
final class ConsoleSession {

    static final String FIRST_ADMIN_PASSWORD = "it-first-admin-password";
    static final String ADMIN_PASSWORD = "it-admin-password-changed";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("<code id=\"one-time-password\">([^<]+)</code>");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final VigilProcess vigil;
    private String cookie;
    private String csrf;

    private ConsoleSession(VigilProcess vigil, String cookie) {
        this.vigil = vigil;
        this.cookie = cookie;
    }

    /** The admin's session, changing the first admin's one-time password if nobody did yet. */
    static ConsoleSession admin(VigilProcess vigil) throws IOException, InterruptedException {
        Optional<ConsoleSession> session = signIn(vigil, "admin", ADMIN_PASSWORD);
        if (session.isPresent()) {
            return session.get();
        }
        ConsoleSession first = signIn(vigil, "admin", FIRST_ADMIN_PASSWORD)
                .orElseThrow(() -> new IllegalStateException("the admin can sign in with neither the first password nor"
                        + " the changed one: was the database's admin made by another setup?"));
        HttpResponse<String> changed = first.changePassword(FIRST_ADMIN_PASSWORD, ADMIN_PASSWORD);
        if (!"/account/password?changed=true".equals(location(changed))) {
            throw new IllegalStateException("changing the first admin's password failed: " + changed.statusCode());
        }
        return first;
    }

    /**
     * A new user of this role, made by the admin, signed in and past the change of the one-time password to
     * {@code password}.
     */
    static ConsoleSession newUser(VigilProcess vigil, String username, String role, String password)
            throws IOException, InterruptedException {
        String oneTime = vigil.console().createUser(username, role);
        ConsoleSession session = signIn(vigil, username, oneTime)
                .orElseThrow(() -> new IllegalStateException(username + " cannot sign in with the one-time password"));
        HttpResponse<String> changed = session.changePassword(oneTime, password);
        if (!"/account/password?changed=true".equals(location(changed))) {
            throw new IllegalStateException(username + " could not change the one-time password: " + changed.body());
        }
        return session;
    }

    /** Signs in through the form; empty when Vigil sends the browser back to the sign-in page. */
    static Optional<ConsoleSession> signIn(VigilProcess vigil, String username, String password)
            throws IOException, InterruptedException {
        Attempt attempt = signInAttempt(vigil, username, password);
        if (!attempt.signedIn()) {
            return Optional.empty();
        }
        return Optional.of(
                new ConsoleSession(vigil, sessionCookie(attempt.answer()).orElseThrow()));
    }

    /** A sign-in as the form sends it, from a fresh browser: Vigil's answer (not followed) and the form's cookie. */
    record Attempt(HttpResponse<String> answer, String cookie) {

        boolean signedIn() {
            String to = location(answer);
            return answer.statusCode() == 302 && to != null && !to.startsWith("/login");
        }
    }

    static Attempt signInAttempt(VigilProcess vigil, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> form = HTTP.send(
                HttpRequest.newBuilder(vigil.uri("/login"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form).orElseThrow(() -> new IllegalStateException("no session for the form"));
        String token = csrfOf(form.body());
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(vigil.uri("/login"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Cookie", cookie)
                        .header("Origin", origin(vigil))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "_csrf", token))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Attempt(answer, cookie);
    }

    /** What the sign-in page says after a refused attempt. */
    static String refusal(VigilProcess vigil, Attempt attempt) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(vigil.uri(location(attempt.answer())))
                        .timeout(Duration.ofSeconds(30))
                        .header("Cookie", attempt.cookie())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher problem = Pattern.compile("id=\"sign-in-problem\">([^<]*)<").matcher(page.body());
        return problem.find() ? problem.group(1) : "";
    }

    /** A page or an htmx request ({@code "HX-Request", "true"} among the headers) in this session. */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(vigil.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted from a page of the console: the session, the page's CSRF token and Vigil's own Origin. */
    HttpResponse<String> post(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken());
        HttpRequest.Builder request = HttpRequest.newBuilder(vigil.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie)
                .header("Origin", origin(vigil))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Creates a user as an admin does on the users page (through htmx, as the page sends it), and answers the
     * one-time password shown that once.
     */
    String createUser(String username, String role) throws IOException, InterruptedException {
        HttpResponse<String> created = post("/users", Map.of("username", username, "role", role), "HX-Request", "true");
        Matcher shown = ONE_TIME_PASSWORD.matcher(created.body());
        if (created.statusCode() != 200 || !shown.find()) {
            throw new IllegalStateException("creating " + username + " showed no one-time password: "
                    + created.statusCode() + " " + created.body());
        }
        return shown.group(1);
    }

    HttpResponse<String> changePassword(String current, String chosen) throws IOException, InterruptedException {
        return post(
                "/account/password", Map.of("currentPassword", current, "newPassword", chosen, "confirmation", chosen));
    }

    /** The {@code Cookie} header of this session. */
    String cookie() {
        return cookie;
    }

    /** The CSRF token of this session, as a page of the console carries it. */
    String csrfToken() throws IOException, InterruptedException {
        if (csrf == null) {
            csrf = csrfOf(get("/account/password").body());
        }
        return csrf;
    }

    static String origin(VigilProcess vigil) {
        return vigil.uri("").toString().replaceAll("/$", "");
    }

    static String location(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Location")
                .map(ConsoleSession::path)
                .orElse(null);
    }

    /** The {@code JSESSIONID=...} pair a response sets, without its attributes. */
    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0])
                .findFirst();
    }

    /** The whole {@code Set-Cookie} of the session cookie, with its attributes. */
    static String sessionCookieAttributes(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static String csrfOf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
