package com.coachway.common.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Delay before the next attempt after {@code failures} failed ones: base · 2^(failures-1),
 * at most {@code cap}, then shortened by up to {@code jitter} (a fraction, 0..1) at random so
 * events that failed together (a receiver was down) do not all come back in the same instant.
 */
public record Backoff(Duration base, Duration cap, double jitter) {
    /** 10 s, 20 s, 40 s … : with 8 attempts an event is retried for about 20 minutes. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 0.2);

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be positive");
        if (cap.compareTo(base) < 0) throw new IllegalArgumentException("cap must be at least base");
        if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("jitter must be between 0 and 1");
    }

    public Duration delayAfter(int failures, DoubleSupplier random) {
        if (failures < 1) throw new IllegalArgumentException("failures must be at least 1");
        double exponential = base.toMillis() * Math.pow(2, Math.min(failures - 1, 62));
        double capped = Math.min(exponential, cap.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 - jitter * random.getAsDouble())));
    }
}
