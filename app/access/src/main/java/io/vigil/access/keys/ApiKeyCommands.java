package io.vigil.access.keys;

import io.vigil.access.api.ApiKeyCreatedEvent;
import io.vigil.access.api.ApiKeyList;
import io.vigil.access.api.ApiKeyRevokedEvent;
import io.vigil.access.api.ApiKeySummary;
import io.vigil.access.api.CreateApiKeyCommand;
import io.vigil.access.api.CreatedApiKey;
import io.vigil.access.api.FindApiKeysQuery;
import io.vigil.access.api.InvalidApiKeyException;
import io.vigil.access.api.RevokeApiKeyCommand;
import io.vigil.access.api.UnknownApiKeyException;
import io.vigil.ingest.api.FindSubmitterWebhookQuery;
import io.vigil.ingest.api.SubmitterWebhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Creates and revokes API keys: the table is written and the event published in the command's one transaction, and
 * this node reloads its keys as soon as that transaction commits (the others within their next refresh).
 */
@Component
class ApiKeyCommands {

    static final int MAX_NAME = 100;
    static final int MAX_RATE = 1_000_000;
    static final int MAX_WEBHOOK_URL = 2000;

    private final ApiKeyStore store;
    private final ApiKeyRing ring;
    private final EventGateway events;
    private final Clock clock = Clock.systemUTC();

    ApiKeyCommands(ApiKeyStore store, ApiKeyRing ring, EventGateway events) {
        this.store = store;
        this.ring = ring;
        this.events = events;
    }

    @CommandHandler
    CreatedApiKey handle(CreateApiKeyCommand command, MetaData metaData) {
        String name = requireName(command.name());
        Integer rate = requireLimit("ratePerSecond", command.ratePerSecond());
        Integer burst = requireLimit("burst", command.burst());
        if (burst != null && rate == null) {
            throw new InvalidApiKeyException("burst", "is only meaningful with ratePerSecond");
        }
        String webhookUrl = requireWebhookUrl(command.webhookUrl());
        String webhookSecret = webhookUrl == null ? null : ApiKeySecret.generateWebhookSecret();
        String secret = ApiKeySecret.generate();
        String keyId = UUID.randomUUID().toString();
        String prefix = ApiKeySecret.prefixOf(secret);
        store.insert(
                keyId,
                name,
                prefix,
                ApiKeySecret.sha256(secret),
                command.scopes(),
                rate,
                burst,
                clock.instant(),
                actor(metaData),
                webhookUrl,
                webhookSecret);
        events.publish(new ApiKeyCreatedEvent(keyId, name, prefix, command.scopes(), rate, burst));
        refreshAfterCommit();
        return new CreatedApiKey(keyId, name, prefix, secret, command.scopes(), webhookSecret);
    }

    @CommandHandler
    ApiKeySummary handle(RevokeApiKeyCommand command, MetaData metaData) {
        ApiKeySummary key = store.find(command.keyId()).orElseThrow(() -> new UnknownApiKeyException(command.keyId()));
        if (!key.revoked()) {
            Instant now = clock.instant();
            store.revoke(key.keyId(), now, actor(metaData));
            events.publish(new ApiKeyRevokedEvent(key.keyId(), key.name(), key.prefix()));
            refreshAfterCommit();
        }
        return store.find(command.keyId()).orElseThrow();
    }

    /**
     * The webhook of the key that submitted a transaction, named as the API's callers are ({@code key NAME (PREFIX)},
     * {@link ApiKeyPrincipal#displayName()}); empty for a caller that is no key, a key without a webhook or a revoked
     * key.
     */
    @QueryHandler
    Optional<SubmitterWebhook> handle(FindSubmitterWebhookQuery query) {
        String submitter = query.submitter();
        if (submitter == null || !submitter.startsWith("key ") || !submitter.endsWith(")")) {
            return Optional.empty();
        }
        int open = submitter.lastIndexOf('(');
        return open < 0 ? Optional.empty() : store.webhook(submitter.substring(open + 1, submitter.length() - 1));
    }

    @QueryHandler
    ApiKeyList handle(FindApiKeysQuery query) {
        return new ApiKeyList(store.list(query.includeRevoked()));
    }

    private void refreshAfterCommit() {
        CurrentUnitOfWork.ifStarted(uow -> uow.afterCommit(u -> ring.refresh()));
    }

    /** Who acts, as the dispatcher recorded it; {@code system} when nobody did (start-up, a test). */
    static String actor(MetaData metaData) {
        Object actor = metaData.get("actor");
        return actor == null ? "system" : actor.toString();
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidApiKeyException("name", "is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidApiKeyException("name", "must be at most " + MAX_NAME + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidApiKeyException("name", "must not contain control characters");
        }
        return trimmed;
    }

    /** An absolute http or https URL of at most 2,000 characters, or {@code null} for none. */
    static String requireWebhookUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (trimmed.length() <= MAX_WEBHOOK_URL
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidApiKeyException(
                "webhookUrl", "must be an absolute http or https URL of at most " + MAX_WEBHOOK_URL + " characters");
    }

    static Integer requireLimit(String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_RATE)) {
            throw new InvalidApiKeyException(field, "must be between 1 and " + MAX_RATE);
        }
        return value;
    }
}
