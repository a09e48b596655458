package io.vigil.tools.simulator;

import java.util.List;

/**
 * A shopper with a home country, one to three cards, one to three devices, a home IP address and a habit: a factor on
 * the merchant's typical basket. Derived from the seed and the customer's number alone (see {@link World#customer}).
 */
record Customer(
        String id,
        Country home,
        List<String> cards,
        List<String> bins,
        List<Device> devices,
        String ip,
        String email,
        double habit,
        int accountAgeDays,
        boolean appUser) {

    /** A phone, computer or tablet, with the browser it runs. */
    record Device(String id, String type, String browser) {}
}
