package com.coachway.common.schedule;

import com.coachway.common.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchedulerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration OFTEN = Duration.ofMillis(5);
    private final Scheduler scheduler = Scheduler.named("test-service", Duration.ofSeconds(5));

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void a_task_runs_again_and_again_on_a_virtual_thread_named_for_the_service_and_task() {
        var threads = new CopyOnWriteArrayList<Thread>();
        scheduler.every("ticker", OFTEN, () -> threads.add(Thread.currentThread()));
        scheduler.start();

        Await.until(WAIT, "three runs", () -> threads.size() >= 3);
        assertTrue(threads.stream().allMatch(Thread::isVirtual));
        assertEquals("test-service-ticker", threads.getFirst().getName());
    }

    @Test
    void tasks_registered_before_start_wait_for_it() throws InterruptedException {
        var runs = new AtomicInteger();
        var task = scheduler.every("waiting", OFTEN, runs::incrementAndGet);
        var probe = new CountDownLatch(1);
        // A task registered after start runs at once: once it has, the earlier one could have too.
        Scheduler other = Scheduler.named("other").start();
        other.every("probe", OFTEN, probe::countDown);
        assertTrue(probe.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        other.close();

        assertEquals(0, runs.get());
        assertEquals(0, task.runs());
        scheduler.start();
        Await.until(WAIT, "the first run after start", () -> runs.get() >= 1);
    }

    @Test
    void a_task_that_throws_is_logged_and_keeps_its_schedule() {
        var attempts = new AtomicInteger();
        var broken = new AtomicInteger();
        scheduler.every("flaky", OFTEN, () -> {
            if (attempts.incrementAndGet() % 2 == 1) throw new IllegalStateException("boom " + attempts.get());
        });
        var always = scheduler.every("broken", OFTEN, () -> {
            broken.incrementAndGet();
            throw new AssertionError("always");
        });
        scheduler.start();

        Await.until(WAIT, "runs past several failures", () -> attempts.get() >= 6 && broken.get() >= 3);
        assertTrue(always.active());
    }

    @Test
    void runs_of_one_task_never_overlap_even_when_a_run_takes_longer_than_the_interval() {
        var inFlight = new AtomicInteger();
        var overlapped = new AtomicBoolean();
        var runs = new AtomicInteger();
        var task = scheduler.every("slow", Duration.ofMillis(1), () -> {
            if (inFlight.incrementAndGet() > 1) overlapped.set(true);
            // longer than the interval: a fixed-rate timer would start the next run now
            long until = System.nanoTime() + Duration.ofMillis(20).toNanos();
            while (System.nanoTime() < until) Thread.onSpinWait();
            inFlight.decrementAndGet();
            runs.incrementAndGet();
        });
        scheduler.start();

        Await.until(WAIT, "several runs", () -> runs.get() >= 5);
        assertFalse(overlapped.get());
        assertTrue(task.active());
    }

    @Test
    void a_task_stuck_in_a_run_delays_no_other_task() {
        var release = new CountDownLatch(1);
        var others = new AtomicInteger();
        scheduler.every("stuck", OFTEN, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        scheduler.every("other", OFTEN, others::incrementAndGet);
        scheduler.start();

        Await.until(WAIT, "the other task runs on", () -> others.get() >= 5);
        release.countDown();
    }

    @Test
    void a_job_that_says_when_to_run_next_is_run_at_that_pace_and_after_a_failure_at_the_failure_delay() {
        var times = new CopyOnWriteArrayList<Long>();
        var failUntil = 3;
        scheduler.repeat("paced", Duration.ofMillis(50), () -> {
            times.add(System.nanoTime());
            if (times.size() < failUntil) throw new IllegalStateException("not yet");
            return times.size() < 6 ? Duration.ZERO : Duration.ofHours(1);
        });
        scheduler.start();

        Await.until(WAIT, "six runs", () -> times.size() >= 6);
        // the failed runs waited the failure delay; the one after the hour is not due in this test
        assertTrue(times.get(1) - times.get(0) >= Duration.ofMillis(50).toNanos());
        assertTrue(times.get(2) - times.get(1) >= Duration.ofMillis(50).toNanos());
        assertEquals(6, times.size());
    }

    @Test
    void close_lets_a_run_in_flight_finish_then_nothing_runs_any_more() throws InterruptedException {
        var started = new CountDownLatch(1);
        var finished = new AtomicBoolean();
        var runs = new AtomicInteger();
        var task = scheduler.every("finishing", OFTEN, () -> {
            runs.incrementAndGet();
            started.countDown();
            long until = System.nanoTime() + Duration.ofMillis(100).toNanos();
            while (System.nanoTime() < until) Thread.onSpinWait();
            finished.set(true);
        });
        scheduler.start();
        assertTrue(started.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));

        scheduler.close();

        assertTrue(finished.get(), "the run in flight finished within the grace period");
        assertFalse(task.active());
        int after = runs.get();
        assertEquals(after, task.runs());
        assertTrue(scheduler.closing());
        assertThrows(IllegalStateException.class, () -> scheduler.every("late", OFTEN, () -> { }));
        assertThrows(IllegalStateException.class, scheduler::start);
        scheduler.close(); // twice is fine
    }

    @Test
    void close_interrupts_a_run_that_outlasts_the_grace_period() throws InterruptedException {
        var impatient = Scheduler.named("impatient", Duration.ofMillis(50));
        var started = new CountDownLatch(1);
        var interrupted = new AtomicBoolean();
        var task = impatient.every("sleeper", OFTEN, () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // forever, unless interrupted
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        impatient.start();
        assertTrue(started.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));

        impatient.close();

        assertTrue(interrupted.get());
        assertFalse(task.active());
    }

    @Test
    void stopping_one_task_leaves_the_others_running() {
        var stoppedRuns = new AtomicInteger();
        var otherRuns = new AtomicInteger();
        var stopped = scheduler.every("stopped", OFTEN, stoppedRuns::incrementAndGet);
        scheduler.every("kept", OFTEN, otherRuns::incrementAndGet);
        scheduler.start();
        Await.until(WAIT, "a run of each", () -> stoppedRuns.get() >= 1 && otherRuns.get() >= 1);

        stopped.stop(Duration.ZERO);
        int frozen = stoppedRuns.get();
        int before = otherRuns.get();

        Await.until(WAIT, "the other task runs on", () -> otherRuns.get() >= before + 3);
        assertEquals(frozen, stoppedRuns.get());
        assertFalse(stopped.active());
    }

    @Test
    void intervals_and_names_are_checked() {
        assertThrows(IllegalArgumentException.class, () -> scheduler.every("zero", Duration.ZERO, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> scheduler.every("negative", Duration.ofSeconds(-1), () -> { }));
        assertThrows(NullPointerException.class, () -> scheduler.every(null, OFTEN, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> scheduler.repeat("x", Duration.ZERO, () -> Duration.ZERO));
    }
}
