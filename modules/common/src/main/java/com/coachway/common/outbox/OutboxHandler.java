package com.coachway.common.outbox;

/**
 * Delivers the events of one topic. Returning means delivered; throwing means "try again later"
 * (the message is stored in last_error, so keep secrets out of it). Delivery is at least once:
 * make the receiving side idempotent on {@link OutboxEvent#id()}. It runs outside any
 * transaction and holds no lock; bound the time you take (a ServiceClient has timeouts) to well
 * under the worker's lease, or the event is delivered again while you still run.
 */
@FunctionalInterface
public interface OutboxHandler {
    void handle(OutboxEvent event) throws Exception;

    /**
     * Called once after the last attempt failed and the event was marked failed, outside any
     * transaction: undo what an attempt left half done (a marker, a reservation) so the
     * system does not wait for a delivery that will never come. Throwing is logged, nothing more.
     */
    default void failedForGood(OutboxEvent event, String lastError) throws Exception {
    }
}
