package io.vigil.ingest.rest;

import io.vigil.ingest.api.ClaimReviewCommand;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.FindReviewItemQuery;
import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.ingest.api.ReleaseReviewClaimCommand;
import io.vigil.ingest.api.ReviewItem;
import io.vigil.ingest.api.ReviewQueueOrder;
import io.vigil.ingest.api.ReviewQueuePage;
import io.vigil.ingest.api.ReviewTransactionCommand;
import io.vigil.ingest.api.TransactionView;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue through the API ({@code manage} scope), for scripts and other tools: the pending queue, claims and
 * the review itself. The reviewer or claimant is the API key's name. The console's review pages do the same for
 * signed-in analysts.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    ReviewController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The body of {@code POST /api/v1/reviews/{id}/decision}. */
    record ReviewRequest(String finalDecision, String reason) {}

    @GetMapping
    ReviewResponse.Page queue(
            @RequestParam(required = false) String merchantId,
            @RequestParam(required = false) String patternId,
            @RequestParam(required = false) BigDecimal minAmount,
            @RequestParam(required = false) BigDecimal maxAmount,
            @RequestParam(defaultValue = "oldest") String order,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        ReviewQueueOrder sort = null;
        try {
            sort = ReviewQueueOrder.valueOf(order.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("order", "must be oldest or riskiest"));
        }
        if (page < 0) {
            violations.add(new FieldViolation("page", "must not be negative"));
        }
        if (size < 1 || size > FindReviewQueueQuery.MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + FindReviewQueueQuery.MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid review queue request", violations);
        }
        return ReviewResponse.Page.of(queries.query(
                        new FindReviewQueueQuery(
                                blankToNull(merchantId),
                                blankToNull(patternId),
                                minAmount,
                                maxAmount,
                                sort,
                                page,
                                size),
                        ResponseTypes.instanceOf(ReviewQueuePage.class))
                .join());
    }

    @GetMapping("/{id}")
    ReviewResponse item(@PathVariable String id) {
        return find(id).map(ReviewResponse::of).orElseThrow(() -> new TransactionNotFoundException(id));
    }

    /** Claims the transaction for the caller: 200 with the claim, 409 when someone else's claim runs. */
    @PostMapping("/{id}/claim")
    ReviewResponse claim(@PathVariable String id, Principal caller) {
        commands.sendAndWait(new ClaimReviewCommand(id, caller.getName()));
        return find(id).map(ReviewResponse::of).orElseThrow(() -> new TransactionNotFoundException(id));
    }

    @DeleteMapping("/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String id, Principal caller) {
        commands.sendAndWait(new ReleaseReviewClaimCommand(id, caller.getName()));
    }

    /**
     * Ends the review: {@code finalDecision} {@code approve} or {@code decline} and a {@code reason}, both required.
     * Answers the transaction as {@code GET /api/v1/transactions/{id}} does, with its review and final decision; 409
     * when the transaction is not a pending review or another caller's claim runs on it.
     */
    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    TransactionResponse decide(@PathVariable String id, @RequestBody ReviewRequest request, Principal caller) {
        List<FieldViolation> violations = new ArrayList<>();
        Decision decision = null;
        if ("approve".equals(request.finalDecision())) {
            decision = Decision.APPROVE;
        } else if ("decline".equals(request.finalDecision())) {
            decision = Decision.DECLINE;
        } else {
            violations.add(new FieldViolation("finalDecision", "must be approve or decline"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            violations.add(new FieldViolation("reason", "is required"));
        } else if (request.reason().strip().length() > ReviewTransactionCommand.MAX_REASON) {
            violations.add(new FieldViolation(
                    "reason", "must be at most " + ReviewTransactionCommand.MAX_REASON + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid review", violations);
        }
        try {
            commands.sendAndWait(
                    new ReviewTransactionCommand(id, decision, caller.getName(), request.reason(), clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw new TransactionNotFoundException(id);
        }
        return queries.query(new FindTransactionQuery(id), ResponseTypes.optionalInstanceOf(TransactionView.class))
                .join()
                .map(TransactionResponse::of)
                .orElseThrow(() -> new TransactionNotFoundException(id));
    }

    private Optional<ReviewItem> find(String id) {
        @SuppressWarnings("unchecked")
        Optional<ReviewItem> item = queries.query(
                        new FindReviewItemQuery(id), ResponseTypes.optionalInstanceOf(ReviewItem.class))
                .join();
        return item;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
