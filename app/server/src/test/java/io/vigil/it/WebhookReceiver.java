package io.vigil.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's webhook endpoint on a free local port: keeps every post with its {@code Vigil-Signature} header, answers
 * {@code 500} to the next {@link #failNext(int)} posts and {@code 204} to the others, and checks a signature as the
 * contract tells clients to.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String signature, String body, long at) {

        /** Whether the signature is {@code t=<seconds>,v1=<HMAC-SHA256 of "t.body" with the secret, hex>}. */
        boolean signedWith(String secret) throws Exception {
            if (signature == null || !signature.matches("t=\\d+,v1=[0-9a-f]{64}")) {
                return false;
            }
            String t = signature.substring(2, signature.indexOf(','));
            String v1 = signature.substring(signature.indexOf("v1=") + 3);
            return v1.equals(hmac(secret, t + "." + body));
        }

        long timestampSeconds() {
            return Long.parseLong(signature.substring(2, signature.indexOf(',')));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("Vigil-Signature"), body, System.currentTimeMillis()));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return received;
    }

    void failNext(int posts) {
        failuresLeft.set(posts);
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
