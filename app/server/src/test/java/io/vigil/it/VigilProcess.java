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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Vigil jar run as a separate process, as a user runs it, against the real stores named by the
 * environment ({@code ./vigil test} exports the test databases). A separate process can be killed with SIGKILL,
 * which is what the crash test needs, and no second Vigil in the test JVM competes for the projection's token.
 */
final class VigilProcess {

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

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, "application/json");
    }

    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
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
                                .build(),
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
