package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;

/**
 * What Vigil remembers of one entity: its windows and, for customers and devices, the few extra facts their
 * features need. All access is synchronized on the instance; a read and a write of different entities never wait
 * for each other.
 */
final class EntityState {

    static final int KNOWN_CAPACITY = 16;
    static final int DISTINCT_CAPACITY = 32;

    private final WindowCounters windows = new WindowCounters();
    private int lastSeenMinute = Integer.MIN_VALUE;
    private final CustomerFacts customer;
    private final DeviceFacts device;

    EntityState(EntityKind kind) {
        customer = kind == EntityKind.CUSTOMER ? new CustomerFacts() : null;
        device = kind == EntityKind.DEVICE ? new DeviceFacts() : null;
    }

    synchronized void record(TransactionDetails tx, int minute) {
        double amount = tx.amount().doubleValue();
        windows.add(minute, amount);
        lastSeenMinute = Math.max(lastSeenMinute, minute);
        if (customer != null) {
            customer.record(tx, amount, minute);
        }
        if (device != null) {
            if (tx.cardFingerprint() != null) {
                device.cards.add(hash(tx.cardFingerprint()), minute);
            }
            if (tx.customerId() != null) {
                device.customers.add(hash(tx.customerId()), minute);
            }
        }
    }

    synchronized int lastSeenMinute() {
        return lastSeenMinute;
    }

    synchronized int count(int windowMinutes, int atMinute) {
        return windows.count(windowMinutes, atMinute);
    }

    synchronized double sum(int windowMinutes, int atMinute) {
        return windows.sum(windowMinutes, atMinute);
    }

    synchronized CustomerView customerView(TransactionDetails tx, int atMinute) {
        CustomerFacts c = customer;
        double amount = tx.amount().doubleValue();
        double ratio = c.count == 0 || c.mean == 0 ? 1.0 : amount / c.mean;
        double std = c.count < 2 ? 0 : Math.sqrt(c.m2 / (c.count - 1));
        double z = std == 0 ? 0 : (amount - c.mean) / std;
        return new CustomerView(
                tx.deviceId() != null && !c.devices.contains(hash(tx.deviceId())),
                tx.country() != null && !c.countries.contains(hash(tx.country())),
                c.homeCountry == null ? "" : c.homeCountry,
                c.countries.distinct(1440, atMinute),
                ratio,
                z);
    }

    synchronized int distinctCards(int atMinute) {
        return device.cards.distinct(1440, atMinute);
    }

    synchronized int distinctCustomers(int atMinute) {
        return device.customers.distinct(1440, atMinute);
    }

    /** The customer features of one transaction, as they were before it. */
    record CustomerView(
            boolean newDevice,
            boolean newCountry,
            String homeCountry,
            int distinctCountries24h,
            double amountRatio,
            double amountZscore) {}

    static int hash(String value) {
        return value == null ? 0 : value.hashCode() * 0x9E3779B1;
    }

    /** Running amount statistics (Welford), devices and countries seen, and the home country (the first seen). */
    private static final class CustomerFacts {
        long count;
        double mean;
        double m2;
        String homeCountry;
        final RecentSet devices = new RecentSet(KNOWN_CAPACITY);
        final RecentSet countries = new RecentSet(KNOWN_CAPACITY);

        void record(TransactionDetails tx, double amount, int minute) {
            count++;
            double delta = amount - mean;
            mean += delta / count;
            m2 += delta * (amount - mean);
            if (tx.deviceId() != null) {
                devices.add(hash(tx.deviceId()), minute);
            }
            if (tx.country() != null) {
                if (homeCountry == null) {
                    homeCountry = tx.country().intern();
                }
                countries.add(hash(tx.country()), minute);
            }
        }
    }

    /** Cards and customers seen on a device. */
    private static final class DeviceFacts {
        final RecentSet cards = new RecentSet(DISTINCT_CAPACITY);
        final RecentSet customers = new RecentSet(DISTINCT_CAPACITY);
    }
}
