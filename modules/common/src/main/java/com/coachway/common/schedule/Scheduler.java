package com.coachway.common.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place a service's background loops run (revocation feed, outbox, expiry jobs): one
 * timer per service, each run on a virtual thread of its own, so a slow run of one task delays
 * no other. Runs of one task never overlap: the next is timed from the end of the last (fixed
 * delay). A run that throws is logged (at most once a minute while it keeps failing) and the
 * task keeps its schedule.
 *
 * <p>Tasks registered before {@link #start()} wait for it; ServiceApp starts the scheduler when
 * the server has started and {@linkplain #close() closes} it when the server has stopped, before
 * the database pool closes.
 *
 * <pre>{@code
 * var scheduler = Scheduler.named("charter-service");
 * scheduler.every("quote-expiry", Duration.ofSeconds(60), job::runOnce);
 * // a loop that decides its own pace (e.g. an outbox worker: again at once after a full batch)
 * scheduler.repeat("outbox-charter", Duration.ofSeconds(1), () -> worker.runOnce() == batch ? Duration.ZERO : idle);
 * }</pre>
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    /** How long close() lets runs in flight finish before interrupting them. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    /** After the interrupt, how long close() and Task.stop() still wait for a run to end. */
    static final Duration AFTER_INTERRUPT = Duration.ofSeconds(2);
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    /** One run of a task that says how long to wait before its next run (zero: at once). */
    @FunctionalInterface
    public interface Job {
        Duration run() throws Exception;
    }

    private final String name;
    private final Duration grace;
    private final ScheduledThreadPoolExecutor timer;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private boolean started;
    private volatile boolean closed;

    private Scheduler(String name, Duration grace) {
        this.name = Objects.requireNonNull(name, "name");
        this.grace = requireNonNegative(grace, "grace");
        // The timer only hands runs to their own virtual threads; it never runs a job itself.
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name(name + "-scheduler").factory());
        this.timer.setRemoveOnCancelPolicy(true);
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A scheduler for one service (its name prefixes the threads), not yet started. */
    public static Scheduler named(String serviceName) {
        return new Scheduler(serviceName, DEFAULT_GRACE);
    }

    /** As {@link #named}, letting runs in flight finish for up to {@code grace} on close. */
    public static Scheduler named(String serviceName, Duration grace) {
        return new Scheduler(serviceName, grace);
    }

    public String name() {
        return name;
    }

    /** Runs {@code job} now (once started) and then {@code interval} after each run ends. */
    public Task every(String task, Duration interval, Runnable job) {
        requirePositive(interval, "interval");
        Objects.requireNonNull(job, "job");
        return repeat(task, Duration.ZERO, interval, () -> {
            job.run();
            return interval;
        });
    }

    /**
     * Runs {@code job} now (once started), then again after whatever delay each run returns;
     * after a run that throws, {@code afterFailure} later.
     */
    public Task repeat(String task, Duration afterFailure, Job job) {
        return repeat(task, Duration.ZERO, afterFailure, job);
    }

    /** As {@link #repeat(String, Duration, Job)}, the first run {@code firstDelay} after start. */
    public synchronized Task repeat(String task, Duration firstDelay, Duration afterFailure, Job job) {
        if (closed) throw new IllegalStateException("scheduler " + name + " is closed");
        var t = new Task(this, Objects.requireNonNull(task, "task"), requireNonNegative(firstDelay, "firstDelay"),
                requirePositive(afterFailure, "afterFailure"), Objects.requireNonNull(job, "job"));
        tasks.add(t);
        if (started) t.scheduleFirst();
        return t;
    }

    /** Starts the tasks registered so far; later ones start as they are registered. Idempotent. */
    public synchronized Scheduler start() {
        if (closed) throw new IllegalStateException("scheduler " + name + " is closed");
        if (started) return this;
        started = true;
        tasks.forEach(Task::scheduleFirst);
        return this;
    }

    /** True once close() has been called: a long run may check it to stop early. */
    public boolean closing() {
        return closed;
    }

    /**
     * Stops every task: no new runs; runs in flight get the grace period to finish, then are
     * interrupted and waited for a little longer. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        tasks.forEach(Task::cancel);
        timer.shutdownNow();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Task t : tasks) t.awaitRun(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        for (Task t : tasks) t.interruptAndAwait();
    }

    @Override
    public String toString() {
        return "Scheduler[" + name + ", " + tasks.size() + " task(s)" + (closed ? ", closed" : started ? "" : ", not started") + "]";
    }

    private ScheduledFuture<?> schedule(Runnable launch, Duration delay) {
        return timer.schedule(launch, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Duration requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive");
        return d;
    }

    private static Duration requireNonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(what + " must not be negative");
        return d;
    }

    /** One registered task: its schedule, and the run in flight, if any. */
    public static final class Task {
        private final Scheduler scheduler;
        private final String name;
        private final Duration firstDelay;
        private final Duration afterFailure;
        private final Job job;
        // Guarded by this:
        private ScheduledFuture<?> next;
        private Thread running;
        private boolean stopped;
        private long failures;
        private long lastWarnNanos;
        private long runs;

        private Task(Scheduler scheduler, String name, Duration firstDelay, Duration afterFailure, Job job) {
            this.scheduler = scheduler;
            this.name = name;
            this.firstDelay = firstDelay;
            this.afterFailure = afterFailure;
            this.job = job;
        }

        public String name() {
            return name;
        }

        /** True while the task is scheduled or running, i.e. until it is stopped (or its scheduler closed). */
        public synchronized boolean active() {
            return !stopped || running != null;
        }

        /** Runs that have ended so far, successful or not. */
        public synchronized long runs() {
            return runs;
        }

        /**
         * Stops this task alone: no new runs; a run in flight gets {@code grace} to finish, then
         * is interrupted and waited for a little longer ({@link Duration#ZERO}: interrupt at once).
         */
        public void stop(Duration grace) {
            cancel();
            awaitRun(grace);
            interruptAndAwait();
        }

        private synchronized void scheduleFirst() {
            if (!stopped && next == null && running == null) scheduleIn(firstDelay);
        }

        private void scheduleIn(Duration delay) {
            try {
                next = scheduler.schedule(this::launch, delay);
            } catch (RejectedExecutionException e) {
                stopped = true; // the scheduler is closing
            }
        }

        private synchronized void launch() {
            next = null;
            if (stopped) return;
            running = Thread.ofVirtual().name(scheduler.name + "-" + name).unstarted(this::runOnce);
            running.start();
        }

        private void runOnce() {
            Duration delay = afterFailure;
            MDC.put("service", scheduler.name);
            MDC.put("task", name);
            try {
                Duration asked = job.run();
                delay = asked == null || asked.isNegative() ? Duration.ZERO : asked;
                recovered();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failed(e);
            } finally {
                MDC.remove("task");
                MDC.remove("service");
                ended(delay);
            }
        }

        private synchronized void ended(Duration delay) {
            running = null;
            runs++;
            if (!stopped && !scheduler.closed) scheduleIn(delay);
            notifyAll();
        }

        private synchronized void recovered() {
            if (failures > 0) log.info("{} task {} runs again after {} failed run(s)", scheduler.name, name, failures);
            failures = 0;
        }

        private synchronized void failed(Throwable e) {
            if (stopped && e instanceof InterruptedException) return; // stopped mid-run: not worth a warning
            failures++;
            long now = System.nanoTime();
            if (failures == 1 || now - lastWarnNanos >= WARN_EVERY.toNanos()) {
                lastWarnNanos = now;
                log.warn("{} task {} failed ({} run(s) in a row); next run in {} ms: {}",
                        scheduler.name, name, failures, afterFailure.toMillis(), e.toString(), e);
            }
        }

        private synchronized void cancel() {
            stopped = true;
            if (next != null) next.cancel(false);
            next = null;
        }

        private synchronized void awaitRun(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (running != null && running != Thread.currentThread()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return;
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void interruptAndAwait() {
            Thread t;
            synchronized (this) {
                t = running;
            }
            if (t == null || t == Thread.currentThread()) return;
            t.interrupt();
            awaitRun(AFTER_INTERRUPT);
            synchronized (this) {
                if (running != null) log.warn("{} task {} did not stop within {} s of its interrupt", scheduler.name, name, AFTER_INTERRUPT.toSeconds());
            }
        }

        @Override
        public String toString() {
            return "Task[" + scheduler.name + "/" + name + "]";
        }
    }
}
