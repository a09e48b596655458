package io.vigil.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps web pages from changing Vigil's state through an operator's browser (cross-site request forgery, DNS
 * rebinding). Vigil has no sessions or cookies, but it listens on loopback, where any page the operator visits can
 * reach it: a form on a foreign page could otherwise pause a monitor with {@code POST /api/v1/monitors/{id}/pause}.
 *
 * <p>A state-changing request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) passes only if
 *
 * <ol>
 *   <li>its {@code Host} is one of Vigil's names ({@link AllowedHosts}), so a foreign name that resolves to Vigil's
 *       address (DNS rebinding) is refused;
 *   <li>its {@code Origin}, when it has one, is one of Vigil's names too ({@code null} and foreign origins are
 *       refused);
 *   <li>it is something a foreign page cannot send without a CORS preflight, which Vigil never grants: a JSON body
 *       ({@code Content-Type: application/json} or {@code application/…+json}) or the header {@code
 *       X-Requested-With} or {@code HX-Request} (htmx sends it); or else an {@code Origin} that is Vigil's own, as
 *       browsers send with every {@code POST} from Vigil's pages: the console's forms, which also work without
 *       JavaScript, and Swagger UI.
 * </ol>
 *
 * <p>Clients that are not browsers send no {@code Origin} and are not affected as long as they send JSON, as the API
 * contract asks; a body-less action ({@code POST …/pause}, {@code DELETE …}) needs the JSON content type or {@code
 * X-Requested-With}. A refused API request gets {@code 403} {@code application/problem+json} of type {@value
 * #PROBLEM_TYPE}; a refused console request a short HTML page. Nothing of the request is read or echoed.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String PROBLEM_TYPE = "/problems/cross-site-request";

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AllowedHosts hosts;
    private final ObjectMapper json;
    private final AtomicLong refused = new AtomicLong();

    /** Why a state-changing request is refused, which decides how it is answered. */
    sealed interface Refusal {}

    /** A request a page of another site could have sent: {@code 403}, with the reason. */
    record CrossSite(String reason) implements Refusal {}

    /**
     * An API request with a body that is not JSON and no {@code Origin}: no page of another site sent it, so it gets
     * the contract's {@code 415} rather than a {@code 403}.
     */
    record NotJson() implements Refusal {}

    CrossSiteRequestFilter(AllowedHosts hosts, ObjectMapper json) {
        this.hosts = hosts;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Refusal> refusal = refusal(request);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!(refusal.get() instanceof CrossSite crossSite)) {
            // no page of another site sent it (no Origin), but the body is not JSON: the contract's 415, for every API
            // endpoint alike, so that an endpoint that ignores its body cannot act on a form a page posted
            refuseNotJson(response);
            return;
        }
        // at most one line per hundred refusals: a hostile page must not be able to fill the log
        if (refused.getAndIncrement() % 100 == 0) {
            log.warn(
                    "Refused a {} {} as a possible cross-site request: {} ({} refused so far)",
                    request.getMethod(),
                    request.getRequestURI().length() > 200
                            ? request.getRequestURI().substring(0, 200) + "…"
                            : request.getRequestURI(),
                    crossSite.reason(),
                    refused.get());
        }
        if (isApi(request)) {
            refuseApi(response, crossSite.reason());
        } else {
            refuseConsole(response, crossSite.reason());
        }
    }

    /** Why the request is refused, or empty when it may go on. */
    Optional<Refusal> refusal(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !hosts.allows(host, request.getLocalPort(), request.isSecure())) {
            return crossSite("the Host header does not name this Vigil (see vigil.requests.allowed-hosts)");
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null && isApi(request)) {
            // a browser never adds Authorization to a cross-site request by itself (a page's script can, only after a
            // CORS preflight that Vigil does not allow): an API request with a key, which the API's filter chain
            // checks next, is the key holder's own. The console does not read the header, so it gets no such pass
            return Optional.empty();
        }
        String origin = request.getHeader("Origin");
        boolean sameOrigin = false;
        if (origin != null) {
            if (!allowedOrigin(origin, request.getLocalPort())) {
                return crossSite("the request comes from a page of another site (Origin)");
            }
            sameOrigin = true;
        }
        if (isJson(request.getContentType())
                || request.getHeader("X-Requested-With") != null
                || request.getHeader("HX-Request") != null) {
            return Optional.empty();
        }
        if (sameOrigin) {
            return Optional.empty(); // a page of Vigil's own: a console form without JavaScript, Swagger UI
        }
        if (isApi(request) && hasBody(request)) {
            return Optional.of(new NotJson());
        }
        return crossSite(
                "a state-changing request needs a JSON body (Content-Type: application/json) or the header X-Requested-With");
    }

    private static Optional<Refusal> crossSite(String reason) {
        return Optional.of(new CrossSite(reason));
    }

    private boolean allowedOrigin(String origin, int localPort) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
                return false; // "null" (sandboxed or privacy-stripped pages), file:, and the like
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null
                    || uri.getRawUserInfo() != null) {
                return false; // an origin is a scheme, a host and a port, nothing else
            }
            return hosts.allows(uri.getRawAuthority(), localPort, scheme.equals("https"));
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        } catch (IllegalArgumentException notAMediaType) {
            return false;
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Whether a refusal is answered as the API answers (problem+json): its paths, and any spelling of them. */
    private static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI().toLowerCase(Locale.ROOT);
        return uri.replaceAll("/{2,}", "/").startsWith("/api") || uri.contains("/api/");
    }

    private void refuseNotJson(HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/http-415");
        problem.put("title", "Unsupported Media Type");
        problem.put("status", HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        problem.put("detail", "The body must be application/json; nothing was changed");
        response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private void refuseApi(HttpServletResponse response, String reason) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", "Cross-site request refused");
        problem.put("status", HttpServletResponse.SC_FORBIDDEN);
        problem.put("detail", "Refused: " + reason + "; nothing was changed");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static void refuseConsole(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Vigil · refused</title>
                <link rel="stylesheet" href="/css/vigil.css"></head>
                <body><main><div class="error" role="alert">Vigil refused this action: %s. Nothing was changed.
                Open the console at its own address and try again from there.</div>
                <p><a href="/">Back to live traffic</a></p></main></body></html>
                """.formatted(reason.replace("<", "&lt;"));
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
