package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP/1.1 client that writes a request on a socket exactly as given: the request line's path as spelt (no client
 * library normalises it), the headers as named ({@code Host} and {@code Origin} included), and the body framed with
 * {@code Content-Length} or in chunks. The answer is read as the server sent it, even when the server answers and
 * closes before the whole body was sent.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 8192;

    /** How the body is framed on the wire. */
    enum Framing {
        /** {@code Content-Length}, the body in one piece. */
        LENGTH,
        /** {@code Transfer-Encoding: chunked}, in 8 KiB chunks, so the server cannot know the size beforehand. */
        CHUNKED
    }

    /** An answer read off the socket: header names are lower case, the body is decoded (de-chunked) UTF-8. */
    record Response(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request with the body (if not null) sent with {@code Content-Length}. */
    Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        return send(method, path, headers, body, Framing.LENGTH);
    }

    /**
     * One request, exactly as given. {@code Host} is Vigil's own address, {@code Authorization} the tests' API key
     * and {@code Connection} is {@code close} unless the headers name them (an empty {@code Authorization} sends none,
     * as a page of another site would); a null body sends no body and no framing header. The body is written on a thread
     * of its own while the answer is read, since the server may answer an over-size body before it has all been sent.
     */
    Response send(String method, String path, Map<String, String> headers, String body, Framing framing)
            throws IOException {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (!names(headers, "host")) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (!names(headers, "authorization")) {
            head.append("Authorization: ").append(VigilProcess.authorization()).append("\r\n");
        }
        headers.forEach((name, value) -> {
            if (!(name.equalsIgnoreCase("authorization") && value.isEmpty())) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (content != null) {
            head.append(
                    framing == Framing.CHUNKED
                            ? "Transfer-Encoding: chunked\r\n"
                            : "Content-Length: " + content.length + "\r\n");
        }
        if (!names(headers, "connection")) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    if (content != null) {
                        write(out, content, framing);
                    }
                    out.flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before the whole body was sent: the answer is what is tested
                }
            });
            Response response = read(socket.getInputStream());
            writing.cancel(true);
            return response;
        }
    }

    private static boolean names(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static void write(OutputStream out, byte[] content, Framing framing) throws IOException {
        if (framing == Framing.LENGTH) {
            out.write(content);
            return;
        }
        for (int i = 0; i < content.length; i += CHUNK) {
            int n = Math.min(CHUNK, content.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content, i, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Response read(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer (the server would not swallow the rest of the body): keep what was read
        }
        byte[] bytes = all.toByteArray();
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: %s", raw).isPositive();
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, n);
            at = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }
}
