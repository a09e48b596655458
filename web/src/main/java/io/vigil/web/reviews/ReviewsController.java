package io.vigil.web.reviews;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.ingest.api.ClaimReviewCommand;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.FindReviewItemQuery;
import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.ingest.api.ReleaseReviewClaimCommand;
import io.vigil.ingest.api.ReviewClaimedException;
import io.vigil.ingest.api.ReviewItem;
import io.vigil.ingest.api.ReviewQueuePage;
import io.vigil.ingest.api.ReviewRejectedException;
import io.vigil.ingest.api.ReviewTransactionCommand;
import io.vigil.ingest.api.TransactionView;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue and each transaction's review page. An analyst claims a transaction (others see who holds it until
 * the claim expires), reads why it was decided {@code review}, and approves or declines it with a reason. Through htmx
 * an action answers the review fragment; without htmx it redirects: to the review page after a claim, to the queue
 * after a decision. Actions are made by the signed-in user.
 */
@Controller
class ReviewsController {

    private static final String QUEUE = "reviews/list";
    private static final String REVIEW = "reviews/review";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    ReviewsController(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/reviews")
    String queue(ReviewFilters filters, Model model) {
        fillQueue(filters, model);
        return QUEUE;
    }

    @HxRequest
    @GetMapping("/reviews")
    String queueTable(ReviewFilters filters, Model model) {
        fillQueue(filters, model);
        return QUEUE + " :: table";
    }

    /**
     * A transaction's page: its explanation, what happened to it and, for analysts, its review. Found under the queue
     * ({@code /reviews/{id}}) and from search ({@code /transactions/{id}}, which every role may read).
     */
    @GetMapping({"/reviews/{id}", "/transactions/{id}"})
    String review(@PathVariable String id, Principal user, Model model, HttpServletResponse response) {
        return fillReview(id, user, model) ? REVIEW : notFound(id, false, model, response);
    }

    @HxRequest
    @GetMapping({"/reviews/{id}", "/transactions/{id}"})
    String reviewFragment(@PathVariable String id, Principal user, Model model, HttpServletResponse response) {
        return fillReview(id, user, model) ? REVIEW + " :: review" : notFound(id, true, model, response);
    }

    /** The console's error page (or its fragment) saying there is no such transaction, with 404. */
    private static String notFound(String id, boolean htmx, Model model, HttpServletResponse response) {
        model.addAttribute("message", "There is no transaction " + id + ".");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return htmx ? "error/console :: message" : "error/console";
    }

    @PostMapping("/reviews/{id}/claim")
    String claim(@PathVariable String id, Principal user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        return act(
                id,
                new ClaimReviewCommand(id, user.getName()),
                "Claimed: the others see you are working it.",
                "/reviews/" + id,
                user,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/reviews/{id}/release")
    String release(
            @PathVariable String id, Principal user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        return act(
                id,
                new ReleaseReviewClaimCommand(id, user.getName()),
                "Released.",
                "/reviews/" + id,
                user,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/reviews/{id}/decision")
    String decide(
            @PathVariable String id,
            @RequestParam(required = false) String finalDecision,
            @RequestParam(required = false) String reason,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        Decision decision = "approve".equals(finalDecision)
                ? Decision.APPROVE
                : "decline".equals(finalDecision) ? Decision.DECLINE : null;
        if (decision == null || reason == null || reason.isBlank()) {
            String error = decision == null ? "Choose approve or decline." : "Give a reason for the decision.";
            return answer(id, null, error, "/reviews/" + id, user, htmx, model, redirect);
        }
        return act(
                id,
                new ReviewTransactionCommand(id, decision, user.getName(), reason, clock.instant()),
                "Transaction " + id + " " + (decision == Decision.APPROVE ? "approved" : "declined") + ".",
                "/reviews",
                user,
                htmx,
                model,
                redirect);
    }

    /** Sends the command; a refusal (claimed by someone else, reviewed already) is explained on the review page. */
    private String act(
            String id,
            Object command,
            String done,
            String then,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        try {
            commands.sendAndWait(command);
        } catch (ReviewClaimedException | ReviewRejectedException e) {
            return answer(id, null, e.getMessage(), "/reviews/" + id, user, htmx, model, redirect);
        }
        return answer(id, done, null, then, user, htmx, model, redirect);
    }

    private String answer(
            String id,
            String message,
            String error,
            String then,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        BiConsumer<String, Object> outcome = htmx.isHtmxRequest() ? model::addAttribute : redirect::addFlashAttribute;
        if (message != null) {
            outcome.accept("message", message);
        }
        if (error != null) {
            outcome.accept("error", error);
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + then;
        }
        fillReview(id, user, model);
        return REVIEW + " :: review";
    }

    private void fillQueue(ReviewFilters filters, Model model) {
        FindReviewQueueQuery query = filters.query();
        ReviewQueuePage page = queries.query(query, ResponseTypes.instanceOf(ReviewQueuePage.class))
                .join();
        model.addAttribute("queue", page);
        Instant now = clock.instant();
        Map<String, String> waiting = new HashMap<>();
        page.items().forEach(item -> waiting.put(item.transactionId(), Waiting.since(item.decidedAt(), now)));
        model.addAttribute("waiting", waiting);
        model.addAttribute("filters", filters);
        model.addAttribute("previousPage", filters.uri(page.page() - 1));
        model.addAttribute("nextPage", filters.uri(page.page() + 1));
        model.addAttribute("order", filters.orderName());
    }

    /** Fills the review page's model; false when there is no such transaction. */
    private boolean fillReview(String id, Principal user, Model model) {
        Optional<TransactionView> found = queries.query(
                        new FindTransactionQuery(id), ResponseTypes.optionalInstanceOf(TransactionView.class))
                .join();
        if (found.isEmpty()) {
            return false;
        }
        TransactionView transaction = found.get();
        Optional<ReviewItem> item = queries.query(
                        new FindReviewItemQuery(id), ResponseTypes.optionalInstanceOf(ReviewItem.class))
                .join();
        model.addAttribute("tx", transaction.transaction());
        model.addAttribute("decision", transaction.decision());
        model.addAttribute("review", transaction.review());
        model.addAttribute("outcomes", transaction.outcomes());
        model.addAttribute(
                "finalDecision",
                transaction.finalDecision().map(Decision::wireName).orElse(null));
        model.addAttribute("item", item.orElse(null));
        model.addAttribute(
                "mine", item.map(i -> user.getName().equals(i.claimedBy())).orElse(false));
        model.addAttribute(
                "workable", item.map(i -> i.workableBy(user.getName())).orElse(false));
        return true;
    }
}
