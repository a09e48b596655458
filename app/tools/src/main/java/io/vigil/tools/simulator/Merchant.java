package io.vigil.tools.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shop: how much of all traffic it gets, where its customers come from, how they pay, how often each way of paying
 * is authorized, and what a typical basket costs. Everything about it is drawn once, when the world is built.
 */
record Merchant(
        String id,
        double weight,
        Country home,
        List<Country> countries,
        double[] countryWeights,
        double[] methodWeights,
        double[] authorizationRates,
        double[] channelWeights,
        double basketEuro) {

    static final String[] METHODS = {"card", "wallet", "pay_later", "installments", "bank_transfer", "other"};
    static final String[] CHANNELS = {"web", "app", "in_store", "other"};

    String currency() {
        return home.currency();
    }

    Country pickCountry(SplittableRandom r) {
        return countries.get(Draw.weighted(r, countryWeights));
    }

    int pickMethod(SplittableRandom r) {
        return Draw.weighted(r, methodWeights);
    }

    String pickChannel(SplittableRandom r) {
        return CHANNELS[Draw.weighted(r, channelWeights)];
    }

    /** The authorization success a checkout with this method normally has. */
    double authorizationRate(String method) {
        for (int i = 0; i < METHODS.length; i++) {
            if (METHODS[i].equals(method)) {
                return authorizationRates[i];
            }
        }
        throw new IllegalArgumentException(method);
    }

    /** The success rate over all methods, weighted by how often each is used. */
    double expectedAuthorizationRate() {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < METHODS.length; i++) {
            sum += methodWeights[i] * authorizationRates[i];
            weights += methodWeights[i];
        }
        return sum / weights;
    }

    /** An amount in the merchant's currency for a value in euros: two decimals, never below 0.50 euro. */
    BigDecimal money(double euros) {
        double value = Math.max(0.5, euros) * home.perEuro();
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
