package io.vigil.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.ingest.config.IngestLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server's limits on every request, whatever its path, before anything else reads it:
 *
 * <ul>
 *   <li>a path that is not in its one normal spelling ({@code //}, {@code /./}, {@code /../}, {@code ;} path
 *       parameters, a percent-escape of a character that needs none or of {@code / \ . %}) is refused with 400: the
 *       container would route it to the same handler as its normal form, so no rule written against paths could
 *       be trusted otherwise;
 *   <li>a body may hold {@link IngestLimits#maxBody()}, or {@link IngestLimits#maxBatchBody()} when the normalised
 *       path ends in {@code /batch}, or {@link IngestLimits#maxImportBody()} when it ends in {@code /import} (a file
 *       uploaded whole, such as {@code POST /api/v1/lists/block/card/import}). A declared length over the limit is refused before anything is read; a chunked
 *       body is cut off as it streams, so an over-size body is never parsed past its limit. Either way: 413.
 * </ul>
 *
 * Both answers are the contract's {@code application/problem+json}.
 */
@Component
class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final ObjectMapper json;
    private final IngestLimits limits;

    RequestBodyLimitFilter(ObjectMapper json, IngestLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** Before every other filter that might read the body (form parsing, method overrides). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String abnormal = abnormality(request.getRequestURI());
        if (abnormal != null) {
            log.debug("Refused a path that is not normalised ({}): {}", abnormal, request.getRequestURI());
            write(
                    response,
                    ApiProblems.problem(
                            HttpStatus.BAD_REQUEST,
                            "malformed",
                            "Path not normalised",
                            "the path " + abnormal + "; send it in its normal form"));
            return;
        }
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            write(response, ApiProblems.payloadTooLarge(new PayloadTooLargeException(limit)));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (PayloadTooLargeException e) {
            // read by something outside Spring MVC's exception handling (a filter, a form parser)
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            write(response, ApiProblems.payloadTooLarge(e));
        }
    }

    /** The limit for the path as the container routes it (servlet path and path info: decoded, normalised). */
    long limitFor(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.endsWith("/batch")) {
            return limits.maxBatchBody().toBytes();
        }
        return (path.endsWith("/import") ? limits.maxImportBody() : limits.maxBody()).toBytes();
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Why a raw request path (as sent, not decoded) is not in its normal form, or {@code null} when it is. Escapes of
     * characters that must be escaped in a path (a space, non-ASCII bytes, {@code ? #}) are normal.
     */
    static String abnormality(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return "does not start with /";
        }
        if (raw.contains("//")) {
            return "has an empty segment (//)";
        }
        if (raw.indexOf(';') >= 0) {
            return "has path parameters (;)";
        }
        if (raw.indexOf('\\') >= 0) {
            return "has a backslash";
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "has a . or .. segment";
            }
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "has a control, space or non-ASCII character";
            }
            if (c != '%') {
                continue;
            }
            int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
            if (value < 0) {
                return "has a % that is not followed by two hex digits";
            }
            if (value < 0x20 || value == 0x7f) {
                return "has an escaped control character";
            }
            if (isUnreserved(value) || value == '/' || value == '\\' || value == '%' || value == ';') {
                return "has an escaped character that needs no escape or changes the path (%"
                        + raw.substring(i + 1, i + 3) + ")";
            }
            i += 2;
        }
        return null;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit: what lies beyond it is not read at all
            long room = limit - count + 1;
            int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
