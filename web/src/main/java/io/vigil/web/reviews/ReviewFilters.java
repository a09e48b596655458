package io.vigil.web.reviews;

import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.ReviewQueueOrder;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue's filters as its form sends them: a merchant id, a pattern id, an amount range, the order ({@code oldest}
 * or {@code riskiest}) and the page. Text that is no number is taken as no bound, as a half-typed filter is.
 */
record ReviewFilters(String merchant, String pattern, String minAmount, String maxAmount, String order, Integer page) {

    static final int PAGE_SIZE = 25;

    FindReviewQueueQuery query() {
        return new FindReviewQueueQuery(
                text(merchant),
                text(pattern),
                amount(minAmount),
                amount(maxAmount),
                "riskiest".equals(order) ? ReviewQueueOrder.RISKIEST : ReviewQueueOrder.OLDEST,
                page == null || page < 0 ? 0 : page,
                PAGE_SIZE);
    }

    /** The queue's URL with these filters at {@code page}, for the page links. */
    String uri(int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/reviews");
        add(uri, "merchant", merchant);
        add(uri, "pattern", pattern);
        add(uri, "minAmount", minAmount);
        add(uri, "maxAmount", maxAmount);
        add(uri, "order", order);
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.build().encode().toUriString();
    }

    String orderName() {
        return "riskiest".equals(order) ? "riskiest" : "oldest";
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (text(value) != null) {
            uri.queryParam(name, value.strip());
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static BigDecimal amount(String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
