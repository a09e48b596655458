package io.vigil.access.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.access.api.ApiScope;
import io.vigil.access.keys.ApiKeyRing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.UrlPathHelper;

/**
 * The API's filter chain: {@code /api/**} and the actuator, stateless, authenticated by API keys and authorised by
 * {@link ApiEndpoints}. Refusals are problem+json: {@code 401} with {@code WWW-Authenticate: Bearer} for no key or a
 * bad one, {@code 403} naming the scope a key lacks.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeyRing ring, ObjectMapper json, MeterRegistry meters)
            throws Exception {
        ApiProblemWriter problems = new ApiProblemWriter(json);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatchers(
                        matchers -> matchers.requestMatchers(paths.matcher("/api/**"), paths.matcher("/actuator/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiKeyFilter(ring, problems, meters), AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            meters.counter("vigil_api_key_refusals", "reason", "missing")
                                    .increment();
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(
                                    response,
                                    401,
                                    "unauthorized",
                                    "Unauthorized",
                                    "This endpoint needs an API key: send Authorization: Bearer <key>; nothing"
                                            + " was stored");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            meters.counter("vigil_api_key_refusals", "reason", "scope")
                                    .increment();
                            problems.write(
                                    response,
                                    403,
                                    "forbidden",
                                    "Forbidden",
                                    needed(request.getMethod(), new UrlPathHelper().getPathWithinApplication(request))
                                            + "; nothing was stored");
                        }))
                .authorizeHttpRequests(requests -> {
                    for (ApiEndpoints.Rule rule : ApiEndpoints.RULES) {
                        var matcher = rule.method() == null
                                ? paths.matcher(rule.pattern())
                                : paths.matcher(rule.method(), rule.pattern());
                        switch (rule.requirement()) {
                            case OPEN -> requests.requestMatchers(matcher).permitAll();
                            case ANY_KEY -> requests.requestMatchers(matcher).authenticated();
                            case SCOPE ->
                                requests.requestMatchers(matcher)
                                        .hasAuthority(rule.scope().authority());
                        }
                    }
                    requests.anyRequest().hasAuthority(ApiScope.MANAGE.authority());
                })
                .build();
    }

    /** What the refused request needed, for the problem's detail. */
    static String needed(String method, String path) {
        return ApiEndpoints.ruleFor(HttpMethod.valueOf(method), path)
                .filter(rule -> rule.requirement() == ApiEndpoints.Requirement.SCOPE)
                .map(rule -> "This API key lacks the scope '" + rule.scope().wireName() + "' that " + method + " "
                        + path + " needs")
                .orElse("This API key may not do that");
    }
}
