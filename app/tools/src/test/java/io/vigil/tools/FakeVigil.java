package io.vigil.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for Vigil on 127.0.0.1 and a free port, for tests of what the tools send and how they take the answers:
 * it reports itself ready, records every request with its {@code Authorization} header, and answers the API as the
 * test says (by default 404).
 */
public final class FakeVigil implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived. {@code authorization} is null when the request had none. */
    public record Request(String method, String path, String authorization, String body) {}

    /** What to answer. */
    public record Answer(int status, String body) {}

    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpServer server;
    private volatile Function<Request, Answer> answers = request -> problem(404, "no such endpoint");

    public FakeVigil() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How the API answers from now on. */
    public void answer(Function<Request, Answer> answers) {
        this.answers = answers;
    }

    /** The requests to {@code /api/}, in the order they arrived. */
    public List<Request> apiRequests() {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().startsWith("/api/")).toList();
        }
    }

    /** A problem+json answer, as Vigil gives for every 4xx and 5xx. */
    public static Answer problem(int status, String detail) {
        return new Answer(
                status,
                JSON.createObjectNode()
                        .put("type", "/problems/http-" + status)
                        .put("title", "Refused")
                        .put("status", status)
                        .put("detail", detail)
                        .toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            reply(
                    exchange,
                    request.path().equals("/actuator/health/readiness")
                            ? new Answer(200, "{\"status\":\"UP\"}")
                            : answers.apply(request));
        }
    }

    /** Sends an answer as Vigil does: JSON, problem+json from 400 on, {@code WWW-Authenticate} with a 401. */
    static void reply(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        if (answer.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
