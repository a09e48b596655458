package io.vigil.tools.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what the generator hands out and collects the injected cases, so the manifest describes the stream as it
 * was, not as it was planned: an incident's success rates are counted from the authorization events themselves.
 */
final class ManifestRecorder {

    private final List<IncidentPlan> incidents;
    private final long[] during;
    private final long[] duringOk;
    private final long[] outside;
    private final long[] outsideOk;
    private final List<Manifest.FraudCase> cases = new ArrayList<>();
    private final List<String> friendly = new ArrayList<>();
    private long items;
    private long transactions;
    private long events;
    private long sessions;
    private long authorizations;
    private long orders;
    private long outcomes;
    private long fraudTransactions;

    ManifestRecorder(List<IncidentPlan> incidents) {
        this.incidents = incidents;
        during = new long[incidents.size()];
        duringOk = new long[incidents.size()];
        outside = new long[incidents.size()];
        outsideOk = new long[incidents.size()];
    }

    void fraudCase(Manifest.FraudCase c) {
        cases.add(c);
        fraudTransactions += c.transactionIds().size();
    }

    void friendlyChargeback(String transactionId) {
        friendly.add(transactionId);
    }

    void handedOut(SimulationItem item) {
        items++;
        if (item instanceof TransactionItem) {
            transactions++;
        } else if (item instanceof OutcomeItem) {
            outcomes++;
        } else if (item instanceof EventItem e) {
            events++;
            switch (e.operation()) {
                case EventItem.SESSION -> sessions++;
                case EventItem.ORDER -> orders++;
                default -> {
                    authorizations++;
                    observe(e);
                }
            }
        }
    }

    private void observe(EventItem e) {
        for (int i = 0; i < incidents.size(); i++) {
            IncidentPlan plan = incidents.get(i);
            if (plan.covers(e.merchantId(), e.country(), e.browser())) {
                boolean active = plan.activeAt(e.timestamp().toEpochMilli());
                (active ? during : outside)[i]++;
                if (e.succeeded()) {
                    (active ? duringOk : outsideOk)[i]++;
                }
            }
        }
    }

    Manifest manifest(SimulationConfig config, World world) {
        Map<String, Long> byTypology = new LinkedHashMap<>();
        Map<Typology, Long> counted = new EnumMap<>(Typology.class);
        for (Manifest.FraudCase c : cases) {
            counted.merge(c.typology(), 1L, Long::sum);
        }
        for (Typology t : Typology.values()) {
            byTypology.put(t.wireName(), counted.getOrDefault(t, 0L));
        }
        Manifest.Counts counts = new Manifest.Counts(
                items,
                transactions,
                events,
                sessions,
                authorizations,
                orders,
                outcomes,
                cases.size(),
                fraudTransactions,
                round(transactions == 0 ? 0 : fraudTransactions / (double) transactions),
                byTypology);
        List<Manifest.Incident> incidentList = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentPlan p = incidents.get(i);
            incidentList.add(new Manifest.Incident(
                    p.id(),
                    p.merchant().id(),
                    p.dimension(),
                    p.value(),
                    java.time.Instant.ofEpochMilli(p.startMillis()),
                    java.time.Instant.ofEpochMilli(p.endMillis()),
                    round(p.expectedRate()),
                    round(p.expectedRate() * p.factor()),
                    during[i],
                    duringOk[i],
                    outside[i],
                    outsideOk[i]));
        }
        List<Manifest.MerchantProfile> merchants = new ArrayList<>();
        for (Merchant m : world.merchants) {
            merchants.add(profile(m));
        }
        return new Manifest(
                Manifest.FORMAT,
                Manifest.Settings.of(config),
                config.runTag(),
                null,
                counts,
                List.copyOf(cases),
                List.copyOf(incidentList),
                List.copyOf(friendly),
                List.copyOf(merchants));
    }

    private static Manifest.MerchantProfile profile(Merchant m) {
        Map<String, Double> countries = new LinkedHashMap<>();
        double countryTotal = sum(m.countryWeights());
        for (int i = 0; i < m.countries().size(); i++) {
            countries.put(m.countries().get(i).code(), round(m.countryWeights()[i] / countryTotal));
        }
        Map<String, Double> methods = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        double methodTotal = sum(m.methodWeights());
        for (int i = 0; i < Merchant.METHODS.length; i++) {
            methods.put(Merchant.METHODS[i], round(m.methodWeights()[i] / methodTotal));
            rates.put(Merchant.METHODS[i], round(m.authorizationRates()[i]));
        }
        return new Manifest.MerchantProfile(
                m.id(),
                round(m.weight()),
                m.home().code(),
                m.currency(),
                m.home().utcOffsetHours(),
                Math.round(m.basketEuro() * 100) / 100.0,
                countries,
                methods,
                rates);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
