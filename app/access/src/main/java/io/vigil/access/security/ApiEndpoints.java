package io.vigil.access.security;

import io.vigil.access.api.ApiScope;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What each API path needs, in one table: the filter chain enforces it and the OpenAPI document declares it, so the two
 * cannot disagree. The first rule that matches a request decides; a path of the API that no rule names needs
 * {@code manage}.
 */
public final class ApiEndpoints {

    /** What a caller needs. */
    public enum Requirement {
        /** Nothing: liveness and readiness. */
        OPEN,
        /** Any valid key, whatever its scopes. */
        ANY_KEY,
        /** A key with {@link Rule#scope()}. */
        SCOPE
    }

    /**
     * One rule.
     *
     * @param method the HTTP method, or {@code null} for every method
     * @param pattern a path pattern ({@code *} is one segment, {@code **} any rest)
     */
    public record Rule(HttpMethod method, String pattern, Requirement requirement, ApiScope scope) {

        static Rule open(HttpMethod method, String pattern) {
            return new Rule(method, pattern, Requirement.OPEN, null);
        }

        static Rule anyKey(HttpMethod method, String pattern) {
            return new Rule(method, pattern, Requirement.ANY_KEY, null);
        }

        static Rule scope(HttpMethod method, String pattern, ApiScope scope) {
            return new Rule(method, pattern, Requirement.SCOPE, scope);
        }

        boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();

    /** The rules, most specific first. */
    public static final List<Rule> RULES = List.of(
            Rule.open(HttpMethod.GET, "/actuator/health"),
            Rule.open(HttpMethod.GET, "/actuator/health/**"),
            Rule.scope(HttpMethod.GET, "/actuator/prometheus", ApiScope.READ),
            Rule.scope(null, "/actuator/**", ApiScope.ADMIN),
            Rule.scope(HttpMethod.POST, "/api/v1/transactions", ApiScope.SUBMIT),
            Rule.scope(HttpMethod.POST, "/api/v1/transactions/*/outcome", ApiScope.SUBMIT),
            Rule.scope(HttpMethod.POST, "/api/v1/events", ApiScope.SUBMIT),
            Rule.scope(HttpMethod.POST, "/api/v1/events/batch", ApiScope.SUBMIT),
            Rule.scope(HttpMethod.GET, "/api/v1/transactions", ApiScope.READ),
            Rule.scope(HttpMethod.GET, "/api/v1/transactions/**", ApiScope.READ),
            Rule.anyKey(HttpMethod.GET, "/api/v1/api-keys/current"),
            Rule.scope(null, "/api/v1/api-keys", ApiScope.ADMIN),
            Rule.scope(null, "/api/v1/api-keys/**", ApiScope.ADMIN),
            Rule.scope(null, "/api/**", ApiScope.MANAGE));

    private ApiEndpoints() {}

    /** The rule for a request or for a path template of the OpenAPI document ({@code /api/v1/transactions/{id}}). */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }
}
