package io.vigil.tools.simulator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One checkout attempt as the simulator plans it: who pays what, how, from where, how long they take from opening the
 * checkout to paying ({@code thinkMillis}), and how likely the payment is to be authorized. {@link Timeline} turns it
 * into a session event, a transaction, an authorization event and, when authorized, an order event.
 */
record Checkout(
        Merchant merchant,
        String customerId,
        String cardFingerprint,
        String cardBin,
        String deviceId,
        String ip,
        String email,
        Country country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType,
        BigDecimal amount,
        Map<String, String> attributes,
        long thinkMillis,
        double authorizationRate,
        boolean mayFailSession) {

    /** Share of ordinary purchases made while abroad in another European country, with the usual device. */
    static final double TRAVEL = 0.01;

    /**
     * How the customer usually shops at this merchant: from home, on their main device most of the time, with one of
     * their cards, for an amount near their habit times the merchant's basket.
     */
    static Checkout usual(SplittableRandom r, Merchant merchant, Customer customer, boolean mayTravel) {
        Country country = customer.home();
        String ip = customer.ip();
        if (mayTravel && Draw.chance(r, TRAVEL)) {
            Country abroad = Draw.pick(r, Country.HOME);
            if (!abroad.equals(country)) {
                country = abroad;
                ip = World.ip(r, abroad);
            }
        }
        String channel = merchant.pickChannel(r);
        String method = Merchant.METHODS[merchant.pickMethod(r)];
        String deviceId;
        String deviceType;
        String browser;
        if (channel.equals("in_store")) {
            deviceId = "pos-" + merchant.id() + "-" + Draw.between(r, 1, 4);
            deviceType = "pos";
            browser = "pos";
            ip = null;
        } else {
            Customer.Device device = customer.devices()
                    .get(Draw.chance(r, 0.8) ? 0 : r.nextInt(customer.devices().size()));
            if (channel.equals("app") && (!customer.appUser() || device.type().equals("desktop"))) {
                channel = "web";
            }
            deviceId = device.id();
            deviceType = device.type();
            browser = channel.equals("app") ? "app" : device.browser();
        }
        String card = null;
        String bin = null;
        if (method.equals("card") || method.equals("wallet")) {
            int k = Draw.chance(r, 0.85) ? 0 : r.nextInt(customer.cards().size());
            card = customer.cards().get(k);
            bin = method.equals("card") ? customer.bins().get(k) : null;
        }
        BigDecimal amount = merchant.money(merchant.basketEuro() * customer.habit() * Draw.lognormal(r, 0.45));
        long think = Math.min(600_000, Math.max(10_000, (long) (60_000 * Draw.lognormal(r, 0.6))));
        return new Checkout(
                merchant,
                customer.id(),
                card,
                bin,
                deviceId,
                ip,
                customer.email(),
                country,
                method,
                channel,
                browser,
                deviceType,
                amount,
                Map.of("accountAgeDays", Integer.toString(customer.accountAgeDays())),
                think,
                merchant.authorizationRate(method),
                true);
    }

    /** The same checkout, sure to get past the session step (injected cases must produce their transactions). */
    Checkout withoutSessionFailure() {
        return new Checkout(
                merchant,
                customerId,
                cardFingerprint,
                cardBin,
                deviceId,
                ip,
                email,
                country,
                paymentMethod,
                channel,
                browser,
                deviceType,
                amount,
                attributes,
                thinkMillis,
                authorizationRate,
                false);
    }
}
