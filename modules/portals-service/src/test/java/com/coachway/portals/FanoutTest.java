package com.coachway.portals;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.http.ApiException;
import com.coachway.portals.downstream.Fanout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fan-out's rules, without HTTP: what each way a call ends means for the page. */
class FanoutTest {
    final Fanout fanout = new Fanout(Duration.ofMillis(300));

    static ServiceCallException answered(int status) {
        return new ServiceCallException("x-service", "GET", "/x", status, null, null, "answered " + status, null, false, null);
    }

    static ServiceCallException unreachable() {
        return new ServiceCallException("x-service", "GET", "/x", 503, null, null, "refused", null, true, null);
    }

    @Test
    void calls_run_at_once_and_a_call_still_running_at_the_deadline_is_unavailable() throws Exception {
        var release = new CountDownLatch(1);
        var calls = fanout.start();
        var hung = calls.fork("payments", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        var quick = calls.fork("charters", () -> "here");
        calls.join();
        release.countDown();
        assertTrue(hung.unavailable());
        assertEquals("here", quick.value().orElseThrow());
        assertEquals(List.of("payments"), calls.unavailable());
    }

    @Test
    void a_5xx_or_no_connection_is_unavailable_and_named_once() {
        var calls = fanout.start();
        calls.fork("payments", () -> { throw answered(500); });
        calls.fork("payments", () -> { throw unreachable(); });
        calls.fork("documents", () -> { throw new IllegalStateException("bug"); });
        calls.join();
        assertEquals(List.of("payments", "documents"), calls.unavailable());
    }

    @Test
    void a_404_of_a_section_is_nothing_there_and_no_outage() {
        var calls = fanout.start();
        var balance = calls.fork("payments", () -> { throw answered(404); });
        calls.join();
        assertTrue(balance.notFound());
        assertFalse(balance.unavailable());
        assertEquals(List.of(), calls.unavailable());
    }

    @Test
    void a_404_of_the_primary_call_and_a_403_of_any_call_are_the_answer() {
        var calls = fanout.start();
        calls.primary("charters", () -> { throw answered(404); });
        assertEquals(404, assertThrows(ApiException.class, calls::join).status());

        var other = fanout.start();
        other.fork("invoices", () -> { throw answered(403); });
        assertEquals(403, assertThrows(ApiException.class, other::join).status());
    }

    @Test
    void another_4xx_of_a_section_is_our_mistake_and_the_section_unavailable() {
        var calls = fanout.start();
        calls.fork("invoices", () -> { throw answered(400); });
        calls.join();
        assertEquals(List.of("invoices"), calls.unavailable());
    }

    @Test
    void a_second_round_shares_the_first_rounds_deadline_and_unavailable_list() {
        var first = fanout.start();
        first.fork("trips", () -> { throw unreachable(); });
        first.join();
        var second = first.next();
        second.fork("bids", () -> { throw answered(502); });
        second.join();
        assertEquals(List.of("trips", "bids"), second.unavailable());
        assertEquals(second.unavailable(), first.unavailable());
    }
}
