package com.coachway.portals.downstream;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls to other services for one page, run at once on virtual threads and all bounded by one
 * deadline ({@code PORTAL_CALL_TIMEOUT_MS} from when the page started), so a page never waits
 * longer than that for everything together, however many rounds of calls it makes. A call that
 * fails to reach its service, answers 5xx or is still running at the deadline makes its section
 * unavailable; the page shows the rest.
 *
 * <pre>{@code
 * var calls = fanout.start();
 * var charter = calls.primary("charters", () -> charters.get("/charters/" + id, JsonNode.class));
 * var payments = calls.fork("payments", () -> payments.get("/payments?charter_id=" + id, JsonNode.class));
 * calls.join();   // 401/403 from anyone, or any 4xx of the primary call, is thrown as that status
 * }</pre>
 */
public final class Fanout {
    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final Duration timeout;

    public Fanout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The calls of one page, with the deadline starting now. */
    public Calls start() {
        return new Calls(System.nanoTime() + timeout.toNanos());
    }

    /** How a call ended. */
    enum Kind { OK, NOT_FOUND, UNAVAILABLE, PASS_THROUGH }

    /** One call's result once {@link Calls#join()} returned. */
    public static final class Part<T> {
        private final String section;
        private final boolean primary;
        private final Future<T> future;
        private Kind kind;
        private T value;
        private ApiException refusal;

        private Part(String section, boolean primary, Future<T> future) {
            this.section = section;
            this.primary = primary;
            this.future = future;
        }

        /** The answer, when the call succeeded. */
        public Optional<T> value() {
            requireJoined();
            return Optional.ofNullable(kind == Kind.OK ? value : null);
        }

        /** The service answered 404 (a secondary section: nothing there, e.g. a charter without a balance yet). */
        public boolean notFound() {
            requireJoined();
            return kind == Kind.NOT_FOUND;
        }

        public boolean unavailable() {
            requireJoined();
            return kind == Kind.UNAVAILABLE;
        }

        private void requireJoined() {
            if (kind == null) throw new IllegalStateException("join() the calls first");
        }
    }

    /** The calls of one page: fork them, then join once; a later round can start from {@link #next()}. */
    public static final class Calls {
        private final long deadline;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final List<Part<?>> parts = new ArrayList<>();
        private final LinkedHashSet<String> unavailable;

        private Calls(long deadline) {
            this(deadline, new LinkedHashSet<>());
        }

        private Calls(long deadline, LinkedHashSet<String> unavailable) {
            this.deadline = deadline;
            this.unavailable = unavailable;
        }

        /**
         * A call for a section of the page: 404 means "nothing there"; 401/403 are the caller's
         * answer; any other 4xx is our mistake, logged, and the section is unavailable.
         */
        public <T> Part<T> fork(String section, Supplier<T> call) {
            return add(section, false, call);
        }

        /** The call for the record the page is about: any 4xx it gets is the page's answer. */
        public <T> Part<T> primary(String section, Supplier<T> call) {
            return add(section, true, call);
        }

        /** A further round of calls (which needs this round's answers) under the same deadline and unavailable list. */
        public Calls next() {
            return new Calls(deadline, unavailable);
        }

        private <T> Part<T> add(String section, boolean primary, Supplier<T> call) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            Future<T> future = threads.submit(() -> {
                // the request id travels to the neighbours in the MDC (RequestIds.current)
                if (mdc != null) MDC.setContextMap(mdc);
                try {
                    return call.get();
                } finally {
                    MDC.clear();
                }
            });
            var part = new Part<>(section, primary, future);
            parts.add(part);
            return part;
        }

        /**
         * Waits for every call until the deadline and stops the ones still running. Throws the
         * first refusal that is the caller's answer (see {@link #fork} and {@link #primary}).
         */
        public Calls join() {
            try {
                for (Part<?> part : parts) settle(part);
            } finally {
                threads.shutdownNow();
            }
            for (Part<?> part : parts) {
                if (part.kind == Kind.PASS_THROUGH) throw part.refusal;
            }
            return this;
        }

        /** The sections that could not be read, in the order they were asked for. */
        public List<String> unavailable() {
            return List.copyOf(unavailable);
        }

        /** Names a section unavailable for a reason of the page's own (e.g. a nested round failed). */
        public void markUnavailable(String section) {
            unavailable.add(section);
        }

        private <T> void settle(Part<T> part) {
            long left = deadline - System.nanoTime();
            try {
                part.value = part.future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                part.kind = Kind.OK;
            } catch (TimeoutException e) {
                part.future.cancel(true);
                log.warn("{}: no answer within the page's deadline", part.section);
                down(part);
            } catch (ExecutionException e) {
                classify(part, e.getCause());
            } catch (CancellationException e) {
                down(part);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                down(part);
            }
        }

        private void classify(Part<?> part, Throwable failure) {
            if (failure instanceof ServiceCallException e && !e.isUnavailable() && !e.connectionFailed()) {
                int status = e.status();
                if (status == 401 || status == 403 || part.primary) {
                    part.kind = Kind.PASS_THROUGH;
                    part.refusal = Downstream.passThrough(e);
                    return;
                }
                if (status == 404) {
                    part.kind = Kind.NOT_FOUND;
                    return;
                }
                log.error("{}: {} refused our request: {}", part.section, e.service(), e.getMessage());
            } else if (failure instanceof ServiceCallException e) {
                log.warn("{}: {}", part.section, e.getMessage());
            } else if (failure instanceof ApiException e && e.status() < 500) {
                part.kind = Kind.PASS_THROUGH;
                part.refusal = e;
                return;
            } else {
                log.error("{}: the call failed", part.section, failure);
            }
            down(part);
        }

        private void down(Part<?> part) {
            part.kind = Kind.UNAVAILABLE;
            unavailable.add(part.section);
        }
    }
}
