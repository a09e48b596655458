package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    private static final String BODY = "{\"kind\":\"vigil.alert\",\"version\":1}";

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final WebhookSender sender = new WebhookSender();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/accepted", exchange -> answer(exchange, 204, null));
        server.createContext("/broken", exchange -> answer(exchange, 500, "  invalid_payload:\n" + "x".repeat(500)));
        server.createContext("/empty-error", exchange -> answer(exchange, 503, null));
        server.createContext("/services/T000/B000/SECRET", exchange -> answer(exchange, 404, "no_service"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 302, null);
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void a200IsADelivery() {
        DeliveryResult result = sender.post(url("/ok"), BODY);

        assertThat(result.success()).isTrue();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.error()).isNull();
        assertThat(result.duration()).isPositive();
        assertThat(received).hasValue(BODY);
        assertThat(contentType.get()).startsWith("application/json");
    }

    @Test
    void anyOther2xxIsADeliveryToo() {
        DeliveryResult result = sender.post(url("/accepted"), BODY);

        assertThat(result.success()).isTrue();
        assertThat(result.status()).isEqualTo(204);
    }

    @Test
    void a500IsAFailureThatQuotesTheStartOfTheAnswer() {
        DeliveryResult result = sender.post(url("/broken"), BODY);

        assertThat(result.success()).isFalse();
        assertThat(result.status()).isEqualTo(500);
        assertThat(result.error())
                .startsWith("HTTP 500 from 127.0.0.1:" + port() + ": invalid_payload: xxx")
                .endsWith("x…");
        String excerpt = result.error().substring(result.error().indexOf(": ") + 2);
        assertThat(excerpt).hasSize(WebhookSender.BODY_EXCERPT + 1);
    }

    @Test
    void aFailureWithoutABodySaysSo() {
        DeliveryResult result = sender.post(url("/empty-error"), BODY);

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.error()).isEqualTo("HTTP 503 from 127.0.0.1:" + port() + " with an empty body");
    }

    @Test
    void aRedirectIsAFailureNotFollowed() {
        DeliveryResult result = sender.post(url("/moved"), BODY);

        assertThat(result.success()).isFalse();
        assertThat(result.status()).isEqualTo(302);
        assertThat(received).hasNullValue();
    }

    @Test
    void theErrorNeverContainsTheSecretPathOfTheWebhook() {
        DeliveryResult result = sender.post(url("/services/T000/B000/SECRET"), BODY);

        assertThat(result.error()).contains("HTTP 404").contains("no_service").doesNotContain("SECRET");
    }

    @Test
    void aClosedPortIsAFailureThatSaysTheConnectionFailed() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        DeliveryResult result = sender.post(URI.create("http://127.0.0.1:" + closed + "/hook"), BODY);

        assertThat(result.success()).isFalse();
        assertThat(result.status()).isEqualTo(-1);
        assertThat(result.error()).startsWith("could not connect to 127.0.0.1:" + closed + ": ");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailure() {
        WebhookSender impatient = new WebhookSender(Duration.ofSeconds(1), Duration.ofMillis(300));

        DeliveryResult result = impatient.post(url("/slow"), BODY);

        assertThat(result.success()).isFalse();
        assertThat(result.status()).isEqualTo(-1);
        assertThat(result.error()).contains("127.0.0.1:" + port()).contains("within 300 ms");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aUrlItCannotPostToIsAFailureNotAnException() {
        DeliveryResult result = sender.post(URI.create("ftp://127.0.0.1/hook"), BODY);

        assertThat(result.success()).isFalse();
        assertThat(result.error()).startsWith("not a usable webhook URL");
    }

    @Test
    void anUnusableUrlIsNotQuotedInTheError() {
        // an underscore makes the host unparseable, and the JDK's own message would quote the whole URL
        DeliveryResult result = sender.post(URI.create("https://hooks_slack.example/services/T0/B0/SECRET"), BODY);

        assertThat(result.success()).isFalse();
        assertThat(result.error()).startsWith("not a usable webhook URL").doesNotContain("SECRET", "/services");
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/ok")) {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        } else {
            exchange.getRequestBody().readAllBytes();
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
