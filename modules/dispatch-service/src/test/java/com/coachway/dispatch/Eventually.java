package com.coachway.dispatch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits (with a deadline) for what the outbox worker does after a commit. */
final class Eventually {
    static final Duration DEADLINE = Duration.ofSeconds(15);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
