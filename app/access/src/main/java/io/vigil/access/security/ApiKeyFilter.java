package io.vigil.access.security;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.access.keys.ApiKeyRing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer <key>} against the node's key set, then applies the
 * key's rate limit. A request without the header goes on unauthenticated (the health probes need none; elsewhere the
 * chain answers {@code 401}); a header that is not a valid key is refused here with {@code 401}, and a key over its
 * rate with {@code 429}: in each case before the body is read and with nothing stored.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final ApiKeyRing ring;
    private final ApiProblemWriter problems;
    private final MeterRegistry meters;

    ApiKeyFilter(ApiKeyRing ring, ApiProblemWriter problems, MeterRegistry meters) {
        this.ring = ring;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(response, "malformed", "Send the API key as Authorization: Bearer <key>");
            return;
        }
        Optional<ApiKeyRing.Verified> verified =
                ring.verify(header.substring(BEARER.length()).strip());
        if (verified.isEmpty()) {
            unauthorized(response, "unknown", "The API key is unknown or revoked");
            return;
        }
        if (verified.get().bucket().isPresent()) {
            ConsumptionProbe probe = verified.get().bucket().get().tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                meters.counter("vigil_api_key_refusals", "reason", "rate").increment();
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.write(
                        response,
                        429,
                        "rate-limited",
                        "Too many requests",
                        "This API key is over its rate limit; retry after " + seconds + " s. Nothing was stored");
                return;
            }
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(verified.get().principal()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletResponse response, String reason, String detail) throws IOException {
        meters.counter("vigil_api_key_refusals", "reason", reason).increment();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        problems.write(response, 401, "unauthorized", "Unauthorized", detail + "; nothing was stored");
    }
}
