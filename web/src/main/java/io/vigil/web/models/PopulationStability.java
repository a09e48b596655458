package io.vigil.web.models;

import java.util.List;

/**
 * The population stability index of the live model's scores against its training's evaluation slice, over the
 * tenths of the 0..100 score: PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ), with eᵢ the slice's share of bin i and aᵢ the live
 * share; a share of 0 counts as {@value #FLOOR} (the logarithm of 0 is not a number). Read by the usual rule of
 * thumb: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a large one.
 */
final class PopulationStability {

    static final double FLOOR = 0.0001;

    private PopulationStability() {}

    /**
     * @param expected the evaluation slice's share of each bin (summing to 1)
     * @param actual the live counts of the same bins
     * @return the index; NaN when the bins differ in number or nothing was counted live
     */
    static double index(List<Double> expected, List<Long> actual) {
        long total = actual.stream().mapToLong(Long::longValue).sum();
        if (expected.size() != actual.size() || expected.isEmpty() || total == 0) {
            return Double.NaN;
        }
        double psi = 0;
        for (int i = 0; i < expected.size(); i++) {
            double e = Math.max(FLOOR, expected.get(i));
            double a = Math.max(FLOOR, actual.get(i) / (double) total);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** The rule of thumb's words for an index. */
    static String verdict(double psi) {
        if (Double.isNaN(psi)) {
            return "not known";
        }
        return psi < 0.1 ? "stable" : psi <= 0.25 ? "a moderate shift" : "a large shift";
    }
}
