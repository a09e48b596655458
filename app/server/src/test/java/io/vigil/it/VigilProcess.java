package io.vigil.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Vigil jar run as a separate process, as a user runs it, against the real stores named by the
 * environment ({@code ./vigil test} exports the test databases). A separate process can be killed with SIGKILL,
 * which is what the crash test needs, and no second Vigil in the test JVM competes for the projection's token.
 *
 * <p>Every Vigil started here gets {@link #LOCAL_KEY} as its local key (every scope, as {@code ./vigil} gives the
 * Vigil it starts), and every call made through this class carries it as {@code Authorization: Bearer}, unless the
 * call names another key or none ({@link #send(HttpRequest.Builder, String)}).
 */
final class VigilProcess {

    /** The API key with every scope that each Vigil started here accepts: new for each test run, never stored. */
    static final String LOCAL_KEY = localKey();

    private static VigilProcess shared;

    private final int port;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;
    private ConsoleSession console;

    private VigilProcess(int port, Path log, Map<String, String> environment) {
        this.port = port;
        this.log = log;
        this.environment = environment;
    }

    /** One Vigil shared by the integration tests that do not need to kill it, started on first use. */
    static synchronized VigilProcess shared() throws Exception {
        if (shared == null) {
            shared = new VigilProcess(freePort(), Path.of("target", "vigil-it.log"), Map.of());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** Stops the shared instance so that a test can run its own against the same stores. */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    static VigilProcess dedicated(String name) throws IOException {
        return dedicated(name, Map.of());
    }

    /** A Vigil of the test's own, with settings of its own on top of the environment. */
    static VigilProcess dedicated(String name, Map<String, String> environment) throws IOException {
        return dedicated(name, environment, freePort());
    }

    /** As above, on a port chosen beforehand (for settings that name the port, such as Vigil's public URL). */
    static VigilProcess dedicated(String name, Map<String, String> environment, int port) {
        return new VigilProcess(port, Path.of("target", "vigil-" + name + ".log"), environment);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code Bearer <local key>}: the {@code Authorization} of calls made otherwise (raw sockets, other clients). */
    static String authorization() {
        return "Bearer " + LOCAL_KEY;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, "application/json");
    }

    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)),
                LOCAL_KEY);
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(
                request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)),
                LOCAL_KEY);
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE(), LOCAL_KEY);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, LOCAL_KEY);
    }

    /** A metric without tags (or its first series) from this Vigil's Prometheus page; NaN when it is not there. */
    double metric(String name) throws IOException, InterruptedException {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile(
                        "(?m)^" + java.util.regex.Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(get("/actuator/prometheus").body());
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    /** A request to a path of this Vigil's, with the helpers' timeout, for {@link #send}. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** Sends a request with {@code key} as {@code Authorization: Bearer}, or with no key when it is null. */
    HttpResponse<String> send(HttpRequest.Builder request, String key) throws IOException, InterruptedException {
        if (key != null) {
            request.setHeader("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin's console session in this Vigil, signed in on first use. */
    synchronized ConsoleSession console() throws IOException, InterruptedException {
        if (console == null) {
            console = ConsoleSession.admin(this);
        }
        return console;
    }

    void start() throws Exception {
        String jar = System.getProperty("vigil.it.jar", "target/vigil.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException(
                    "the packaged jar " + jar + " is missing: run mvn verify (or ./vigil test)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("VIGIL_PORT", Integer.toString(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().put("VIGIL_ACCESS_LOCALKEY", LOCAL_KEY);
        builder.environment().put("VIGIL_ACCESS_INITIALADMINPASSWORD", ConsoleSession.FIRST_ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        console = null; // sessions live in the process's memory
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(120));
    }

    /** SIGKILL: no shutdown hooks, no flushing, as in a power cut or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(uri("/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(), // the probes and each store's status need no key
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Vigil did not become healthy within " + timeout + "; see " + log);
    }

    /** A key of the shape Vigil accepts, {@code vgl_<8 lower-case letters or digits>_<40 letters or digits>}. */
    private static String localKey() {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("vgl_itlocal0_");
        for (int i = 0; i < 40; i++) {
            key.append(digits.charAt(random.nextInt(digits.length())));
        }
        return key.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
