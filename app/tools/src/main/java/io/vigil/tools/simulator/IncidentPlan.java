package io.vigil.tools.simulator;

/**
 * An injected integration incident: for one merchant, authorizations in one country or from one browser succeed far
 * less often than usual between {@code startMillis} and {@code endMillis}, as when an acquirer or a 3-D Secure page
 * breaks for part of the traffic.
 *
 * @param factor what the usual success rate is multiplied by during the incident
 * @param expectedRate the merchant's usual authorization success over its payment methods
 */
record IncidentPlan(
        String id,
        Merchant merchant,
        String dimension,
        String value,
        long startMillis,
        long endMillis,
        double factor,
        double expectedRate) {

    static final String COUNTRY = "country";
    static final String BROWSER = "browser";

    /** Whether traffic of this merchant, country and browser is in the incident's scope, at any time. */
    boolean covers(String merchantId, String country, String browser) {
        return merchant.id().equals(merchantId) && value.equals(dimension.equals(COUNTRY) ? country : browser);
    }

    boolean activeAt(long millis) {
        return millis >= startMillis && millis < endMillis;
    }
}
