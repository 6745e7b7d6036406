package com.coachway.notification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping notification-service while a batch is being sent, then starting it again: the send
 * in flight finishes and is recorded, the leased messages not yet started are handed back at
 * once, and after the restart every message has reached the provider exactly once (the fake
 * counts deliveries per notification id).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartMidBatchTest {
    FakeSendGrid sendGrid;
    NotificationPlatform n;

    @BeforeAll
    void start() {
        sendGrid = new FakeSendGrid();
        n = new NotificationPlatform(sendGrid, null, Map.of("NOTIFY_BATCH_SIZE", "10", "NOTIFY_CONCURRENCY", "1"));
    }

    @AfterAll
    void stop() {
        n.close();
        sendGrid.close();
    }

    private String queue(int i) {
        return n.queue(NotificationPlatform.email("batch-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com",
                "Message " + i, "Body " + i));
    }

    @Test
    void a_restart_mid_batch_loses_no_message_and_sends_none_twice() throws Exception {
        sendGrid.hold();
        // The worker takes the first message and waits on the provider; the batch behind it queues up meanwhile.
        String first = queue(0);
        var ids = new ArrayList<String>();
        for (int i = 1; i <= 10; i++) ids.add(queue(i));
        assertTrue(sendGrid.releaseNext(), "the first message reached the provider");
        n.awaitStatus(first, "sent");
        // Now the worker has leased the batch of ten and waits on the provider with the first of them.
        NotificationPlatform.await(() -> leased() == 10, () -> "the batch was not leased: " + n.rows("select status, attempts, leased_until from notification.notifications"));

        Thread closer = Thread.ofPlatform().start(() -> n.service().close());
        // Once the stop waits for the send in flight, let that send finish.
        NotificationPlatform.await(() -> waitsForTheRunningSend(closer), () -> "the stop never waited for the send in flight");
        assertTrue(sendGrid.releaseNext(), "the batch's first message reached the provider");
        closer.join(20_000);
        assertTrue(!closer.isAlive(), "the service stopped");

        var rows = n.rows("select id::text as id, status, attempts, leased_until from notification.notifications where id::text = any(?::text[])",
                (Object) ids.toArray(String[]::new));
        long sent = rows.stream().filter(r -> "sent".equals(r.get("status"))).count();
        assertEquals(1, sent, "only the send in flight finished: " + rows);
        for (var r : rows) {
            if ("sent".equals(r.get("status"))) continue;
            assertEquals("queued", r.get("status"));
            assertEquals(0, ((Number) r.get("attempts")).intValue(), "handed back uncounted: " + r);
            assertEquals(null, r.get("leased_until"), "handed back at once, not left to its lease: " + r);
        }

        sendGrid.stopHolding();
        n.startAgain();
        for (String id : ids) n.awaitStatus(id, "sent");
        for (String id : ids) assertEquals(1, sendGrid.deliveriesOf(id), "deliveries of " + id + ": " + sendGrid.deliveries());
        assertEquals(1, sendGrid.deliveriesOf(first));
    }

    private long leased() {
        return ((Number) n.rows("select count(*) c from notification.notifications where leased_until is not null").getFirst().get("c")).longValue();
    }

    /** The stopping thread is inside the scheduler's close, waiting for the worker's run in flight. */
    private static boolean waitsForTheRunningSend(Thread closer) {
        return Arrays.stream(closer.getStackTrace()).anyMatch(f ->
                f.getClassName().startsWith("com.coachway.common.schedule.Scheduler") && f.getMethodName().equals("awaitRun"));
    }
}
