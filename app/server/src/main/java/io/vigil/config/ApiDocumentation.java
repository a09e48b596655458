package io.vigil.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.vigil.access.security.ApiEndpoints;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The generated OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): named, and with
 * the contract's RFC 7807 problem answers on every API operation.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** The name of the API key security scheme in the document. */
    static final String API_KEY = "apiKey";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Malformed JSON, wrong types, missing or invalid fields; nothing is stored",
            "401", "No API key, or a key that is unknown or revoked (WWW-Authenticate: Bearer); nothing is stored",
            "403",
                    "The API key lacks the scope this operation needs; or refused as a possible cross-site request: a"
                            + " state-changing request needs a JSON body or the header X-Requested-With, and Host and"
                            + " Origin (if sent) must name this Vigil",
            "429", "The API key is over its rate limit; retry after the Retry-After seconds, nothing is stored",
            "404",
                    "Not found: an unknown transaction, monitor or alert, a list or kind that is not one, a value not on the list",
            "409",
                    "The same id was submitted with different content; for an outcome, a different label without"
                            + " \"replaces\": true",
            "413", "Body over 64 KiB (batch: 10 MiB; a file import: 16 MiB)",
            "415", "Body is not application/json (a list import: text/csv)",
            "503", "Overloaded: too many decisions in progress; retry after the Retry-After seconds, nothing is stored",
            "500", "Unexpected error; nothing is stored unless a decision was returned");

    @Bean
    OpenAPI vigilOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Vigil API")
                        .version("v1")
                        .description("Real-time fraud decisions and payment monitoring. Errors are RFC 7807 "
                                + "application/problem+json.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSchemas("Problem", problemSchema())
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key: Authorization: Bearer <key>. Each operation names"
                                                + " the scope its key needs (submit, read, manage or admin)")));
    }

    /**
     * Every API operation declares the key and the scope it needs, from the same table the filter chain enforces
     * ({@link ApiEndpoints}); the health probes declare none.
     */
    @Bean
    OpenApiCustomizer securityRequirements() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> ApiEndpoints.ruleFor(HttpMethod.valueOf(method.name()), path)
                                .filter(rule -> rule.requirement() != ApiEndpoints.Requirement.OPEN)
                                .ifPresent(rule -> {
                                    List<String> scopes = rule.requirement() == ApiEndpoints.Requirement.SCOPE
                                            ? List.of(rule.scope().wireName())
                                            : List.of();
                                    operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY, scopes)));
                                    operation.addExtension("x-vigil-scope", scopes.isEmpty() ? "any" : scopes.get(0));
                                })));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                // springdoc may share one responses object between operations: give each its own
                ApiResponses responses = new ApiResponses();
                responses.putAll(operation.getResponses());
                operation.setResponses(responses);
                PROBLEMS.forEach((status, description) -> {
                    if (appliesTo(status, path, operation == item.getPost(), operation.getRequestBody() != null)) {
                        responses.addApiResponse(status, problem(description));
                    }
                });
                if (path.startsWith("/api/v1/patterns/{id}/backtests")) {
                    backtestAnswers(path, method, responses);
                } else if (path.startsWith("/api/v1/patterns")) {
                    patternProblems(path, operation == item.getPost() || operation == item.getPut(), responses);
                } else if (path.startsWith("/api/v1/models")) {
                    modelProblems(path, operation == item.getPost(), responses);
                }
            });
        });
    }

    /** A backtest starts and is cancelled in the background (202), and is refused when Vigil runs enough of them. */
    private static void backtestAnswers(String path, PathItem.HttpMethod method, ApiResponses responses) {
        responses.addApiResponse(
                "404", problem("Unknown pattern, or no backtest with this run id kept with the pattern"));
        if (method == PathItem.HttpMethod.GET) {
            return;
        }
        ApiResponse ok = responses.remove("200");
        if (ok != null) {
            responses.addApiResponse(
                    "202", ok.description("Accepted: the run as it is now; it goes on in the background"));
        }
        if (method == PathItem.HttpMethod.DELETE) {
            responses.addApiResponse("409", problem("The backtest is not running: it cannot be cancelled"));
            return;
        }
        responses.addApiResponse(
                "422",
                problem("The tested expression or effect does not compile: the detail gives the compiler's message"));
        responses.addApiResponse(
                "503",
                problem("As many backtests as Vigil runs at once (vigil.scoring.backtest.max-concurrent) are running;"
                        + " retry after the Retry-After seconds, nothing was started"));
    }

    /** The patterns API's own answers: its lifecycle rules and the compiler's refusal. */
    private static void patternProblems(String path, boolean changes, ApiResponses responses) {
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("Unknown pattern"));
        }
        if (changes && !path.equals("/api/v1/patterns/check") && !path.equals("/api/v1/patterns/test")) {
            responses.addApiResponse(
                    "409",
                    problem("A lifecycle rule forbids this step, and nothing was changed: approving one's own draft,"
                            + " publishing a draft that is not approved, any change to an archived pattern, a step"
                            + " the draft's state does not allow, or an id that exists already"));
        }
        if (path.equals("/api/v1/patterns/{id}/submit")) {
            responses.addApiResponse(
                    "422",
                    problem("The draft's expression or effect does not compile: the detail gives the compiler's"
                            + " message, and the draft stays a draft"));
        }
    }

    /** The models API's own answers: its lifecycle rules and the refused import. */
    private static void modelProblems(String path, boolean changes, ApiResponses responses) {
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("The model has no such version"));
        }
        if (path.equals("/api/v1/models/import")) {
            responses.addApiResponse(
                    "422",
                    problem("The model is refused, each problem in errors[]: a feature Vigil does not compute, a file"
                            + " that does not load or takes another number of features, a sample Vigil scores more"
                            + " than 1e-6 away from the trainer's prediction"));
        } else if (changes) {
            responses.addApiResponse(
                    "409",
                    problem("A lifecycle rule forbids this step, and nothing was changed: approving a model one"
                            + " registered or trained, promoting or shadowing a candidate, rolling back with no"
                            + " version live"));
        }
    }

    private static boolean appliesTo(String status, String path, boolean post, boolean hasBody) {
        return switch (status) {
            case "404" -> path.contains("{");
            case "409" ->
                post && (path.equals("/api/v1/transactions") || path.equals("/api/v1/transactions/{id}/outcome"));
            case "503" -> post && path.equals("/api/v1/transactions");
            case "413", "415" -> hasBody;
            default -> true;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().example("/problems/validation"));
        problem.addProperty("title", new StringSchema().example("Invalid transaction"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("amount must be greater than 0"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
