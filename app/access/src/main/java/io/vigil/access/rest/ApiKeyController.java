package io.vigil.access.rest;

import io.vigil.access.api.ApiKeyList;
import io.vigil.access.api.ApiKeySummary;
import io.vigil.access.api.ApiScope;
import io.vigil.access.api.CreateApiKeyCommand;
import io.vigil.access.api.CreatedApiKey;
import io.vigil.access.api.FindApiKeysQuery;
import io.vigil.access.api.InvalidApiKeyException;
import io.vigil.access.api.RevokeApiKeyCommand;
import io.vigil.access.keys.ApiKeyPrincipal;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API keys through the API: the scope {@code admin} creates, lists and revokes them; any key may ask who it is. */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyController {

    /** What a client sends to create a key. */
    record KeyRequest(String name, List<String> scopes, Integer ratePerSecond, Integer burst, String webhookUrl) {}

    /**
     * A key as the API shows it; {@code key}, and {@code webhookSecret} for a key created with a {@code webhookUrl},
     * only in the answer to its creation.
     */
    record KeyResponse(
            String keyId,
            String name,
            String prefix,
            String key,
            List<String> scopes,
            Integer ratePerSecond,
            Integer burst,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            String revokedBy,
            Instant lastUsedAt,
            String webhookUrl,
            String webhookSecret) {

        static KeyResponse of(ApiKeySummary summary) {
            return new KeyResponse(
                    summary.keyId(),
                    summary.name(),
                    summary.prefix(),
                    null,
                    wire(summary.scopes()),
                    summary.ratePerSecond(),
                    summary.burst(),
                    summary.createdAt(),
                    summary.createdBy(),
                    summary.revokedAt(),
                    summary.revokedBy(),
                    summary.lastUsedAt(),
                    summary.webhookUrl(),
                    null);
        }
    }

    private final CommandGateway commands;
    private final QueryGateway queries;

    ApiKeyController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<KeyResponse> create(@RequestBody KeyRequest request) {
        if (request == null) {
            throw new InvalidApiKeyException("name", "is required");
        }
        CreatedApiKey created = commands.sendAndWait(new CreateApiKeyCommand(
                request.name(),
                scopes(request.scopes()),
                request.ratePerSecond(),
                request.burst(),
                request.webhookUrl()));
        ApiKeySummary summary = keys(true).keys().stream()
                .filter(k -> k.keyId().equals(created.keyId()))
                .findFirst()
                .orElseThrow();
        KeyResponse shown = KeyResponse.of(summary);
        KeyResponse withSecret = new KeyResponse(
                shown.keyId(),
                shown.name(),
                shown.prefix(),
                created.secret(),
                shown.scopes(),
                shown.ratePerSecond(),
                shown.burst(),
                shown.createdAt(),
                shown.createdBy(),
                null,
                null,
                null,
                shown.webhookUrl(),
                created.webhookSecret());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.keyId()))
                .body(withSecret);
    }

    @GetMapping
    List<KeyResponse> list(@RequestParam(defaultValue = "false") boolean includeRevoked) {
        return keys(includeRevoked).keys().stream().map(KeyResponse::of).toList();
    }

    /** The calling key: lets a script check that its key works and what it may do. */
    @GetMapping("/current")
    KeyResponse current(@AuthenticationPrincipal ApiKeyPrincipal caller) {
        return keys(true).keys().stream()
                .filter(k -> k.keyId().equals(caller.keyId()))
                .findFirst()
                .map(KeyResponse::of)
                .orElseGet(() -> new KeyResponse(
                        caller.keyId(),
                        caller.name(),
                        caller.prefix(),
                        null,
                        wire(caller.scopes()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable String keyId) {
        commands.sendAndWait(new RevokeApiKeyCommand(keyId));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private ApiKeyList keys(boolean includeRevoked) {
        return queries.query(new FindApiKeysQuery(includeRevoked), ResponseTypes.instanceOf(ApiKeyList.class))
                .join();
    }

    static Set<ApiScope> scopes(List<String> names) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (names == null) {
            return scopes;
        }
        for (String name : names) {
            scopes.add(ApiScope.fromWireName(name)
                    .orElseThrow(() -> new InvalidApiKeyException(
                            "scopes", "has an unknown scope '" + name + "': use submit, read, manage or admin")));
        }
        return scopes;
    }

    static List<String> wire(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::wireName).toList();
    }
}
