package io.vigil.tools.simulator;

import java.util.List;

/**
 * A country the simulation knows: where merchants sit and customers live (Europe), or where fraudsters appear from far
 * away. The IP address octet is a fixed first byte per country, not real geolocation: it only keeps a customer's
 * addresses looking alike and a foreign address looking foreign.
 */
record Country(
        String code,
        String currency,
        double perEuro,
        int utcOffsetHours,
        double latitude,
        double longitude,
        int ipOctet,
        double weight) {

    /** Where merchants have their home and customers live, with the share of merchants at home there. */
    static final List<Country> HOME = List.of(
            new Country("SE", "SEK", 11.2, 1, 59.33, 18.07, 78, 0.18),
            new Country("DE", "EUR", 1, 1, 52.52, 13.40, 93, 0.15),
            new Country("GB", "GBP", 0.85, 0, 51.51, -0.13, 81, 0.12),
            new Country("NL", "EUR", 1, 1, 52.37, 4.90, 94, 0.08),
            new Country("FR", "EUR", 1, 1, 48.86, 2.35, 90, 0.08),
            new Country("NO", "NOK", 11.6, 1, 59.91, 10.75, 84, 0.07),
            new Country("DK", "DKK", 7.46, 1, 55.68, 12.57, 87, 0.07),
            new Country("FI", "EUR", 1, 2, 60.17, 24.94, 91, 0.06),
            new Country("ES", "EUR", 1, 1, 40.42, -3.70, 88, 0.06),
            new Country("PL", "PLN", 4.3, 1, 52.23, 21.01, 83, 0.05),
            new Country("IT", "EUR", 1, 1, 41.90, 12.50, 79, 0.05),
            new Country("AT", "EUR", 1, 1, 48.21, 16.37, 86, 0.03),
            new Country("BE", "EUR", 1, 1, 50.85, 4.35, 85, 0.03));

    /** Far from every home country (over 3,000 km): where taken-over accounts and impossible travel pay from. */
    static final List<Country> DISTANT = List.of(
            new Country("US", "USD", 1.1, -5, 38.90, -77.04, 64, 1),
            new Country("BR", "BRL", 6.2, -3, -15.79, -47.88, 177, 1),
            new Country("NG", "NGN", 1700, 1, 9.08, 7.40, 105, 1),
            new Country("IN", "INR", 95, 5, 28.61, 77.21, 117, 1),
            new Country("VN", "VND", 28000, 7, 21.03, 105.85, 113, 1),
            new Country("PH", "PHP", 63, 8, 14.60, 120.98, 112, 1),
            new Country("ID", "IDR", 18000, 7, -6.21, 106.85, 114, 1),
            new Country("MX", "MXN", 20, -6, 19.43, -99.13, 187, 1),
            new Country("ZA", "ZAR", 20, 2, -25.75, 28.19, 41, 1),
            new Country("AU", "AUD", 1.7, 10, -35.28, 149.13, 1, 1));

    /** Great-circle distance between the two capitals, in kilometres. */
    double kilometresTo(Country other) {
        double lat1 = StrictMath.toRadians(latitude);
        double lat2 = StrictMath.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = StrictMath.toRadians(other.longitude - longitude);
        double a = StrictMath.sin(dLat / 2) * StrictMath.sin(dLat / 2)
                + StrictMath.cos(lat1) * StrictMath.cos(lat2) * StrictMath.sin(dLon / 2) * StrictMath.sin(dLon / 2);
        return 2 * 6371 * StrictMath.atan2(StrictMath.sqrt(a), StrictMath.sqrt(1 - a));
    }
}
