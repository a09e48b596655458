package io.vigil.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.api.ApiScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

/** The table of what each endpoint needs says what the contract's Authentication section says. */
class ApiEndpointsTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
        "POST, /api/v1/transactions, submit",
        "POST, /api/v1/transactions/t-1/outcome, submit",
        "POST, /api/v1/events, submit",
        "POST, /api/v1/events/batch, submit",
        "GET, /api/v1/transactions/t-1, read",
        "GET, /api/v1/transactions/{id}, read",
        "GET, /api/v1/monitors, manage",
        "POST, /api/v1/monitors, manage",
        "DELETE, /api/v1/monitors/m-1, manage",
        "POST, /api/v1/alerts/acknowledge, manage",
        "GET, /api/v1/alerts/deliveries, manage",
        "GET, /api/v1/lists/blocked-cards, manage",
        "POST, /api/v1/api-keys, admin",
        "DELETE, /api/v1/api-keys/k-1, admin",
        "GET, /api/v1/api-keys/current, any key",
        "GET, /actuator/health, nothing",
        "GET, /actuator/health/liveness, nothing",
        "GET, /actuator/health/readiness, nothing",
        "GET, /actuator/prometheus, read",
        "GET, /actuator/env, admin",
        "POST, /actuator/health, admin",
    })
    void eachEndpointNeedsWhatTheContractSays(String method, String path, String needs) {
        ApiEndpoints.Rule rule =
                ApiEndpoints.ruleFor(HttpMethod.valueOf(method), path).orElseThrow();
        String actual = switch (rule.requirement()) {
            case OPEN -> "nothing";
            case ANY_KEY -> "any key";
            case SCOPE -> rule.scope().wireName();
        };
        assertThat(actual).isEqualTo(needs);
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/something-new", "PATCH, /api/v1/transactions/t-1"})
    void aPathNoRuleNamesNeedsManage(String method, String path) {
        assertThat(ApiEndpoints.ruleFor(HttpMethod.valueOf(method), path))
                .hasValueSatisfying(rule -> assertThat(rule.scope()).isEqualTo(ApiScope.MANAGE));
    }
}
