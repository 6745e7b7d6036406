package com.coachway.common.auth;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.http.HealthCheck;
import com.coachway.common.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sessions auth-service has ended recently (sign-out, refresh-token reuse, deactivation,
 * password or role change), so that a service verifying access tokens offline can refuse their
 * tokens within seconds instead of honouring them until they expire. Each access token names its
 * session in {@link Caller#sessionId()}; {@code ServiceApp.revokedSessions(...)} does the refusing.
 *
 * <p>A task of the service's {@link Scheduler} polls {@code GET {AUTH_URL}/revocations?since=…} every
 * REVOCATION_POLL_SECONDS with this service's own token, keeps session id → revoked_at, and forgets
 * entries older than {@link #RETENTION} (by then every access token of the session has expired).
 * Each poll asks again from the previous answer's {@code until} minus {@link #OVERLAP}, so a
 * revocation stamped on another auth replica with a slightly different clock, or committed just
 * after an answer, is still seen. While auth-service cannot be asked, the last known set stays
 * in force and a warning is logged now and then.
 *
 * <p>Without SERVICE_CLIENT_SECRET the service has no token to ask with: then this is
 * {@linkplain #off() off}, says so once in the log, and refuses nothing.
 */
public final class RevokedSessions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);
    /** auth-service answers from at most this far back; older entries cannot matter any more. */
    public static final Duration RETENTION = Duration.ofMinutes(20);
    /** How far each poll reaches back before the previous answer's {@code until}. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    /** While polls fail, a warning at most this often. */
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    record Item(UUID sessionId, UUID userId, Instant revokedAt) {
    }

    record Answer(List<Item> items, Instant until) {
    }

    private final String serviceName;
    private final ServiceClient auth;
    private final Duration pollInterval;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Guarded by this (start and close); a poll holds {@link #polling} instead, so close() never waits for one. */
    private Scheduler.Task task;
    /** The scheduler {@link #start()} made for this alone, closed with it; null when given one. */
    private Scheduler own;
    private final ReentrantLock polling = new ReentrantLock();
    // Guarded by polling:
    private Instant since;
    private volatile int failures;
    private long lastWarnNanos;
    private volatile Instant lastSuccess;

    /** {@code auth} calls auth-service with this service's token; {@code null} makes an instance that is off. */
    RevokedSessions(String serviceName, ServiceClient auth, Duration pollInterval) {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        this.serviceName = serviceName;
        this.auth = auth;
        this.pollInterval = pollInterval;
    }

    /**
     * AUTH_URL (default http://localhost:8002), SERVICE_CLIENT_ID (default the service's name),
     * SERVICE_CLIENT_SECRET (without it: {@link #off()}), REVOCATION_POLL_SECONDS (default 5,
     * 1–300). Not yet polling: {@link #start()} it, or give it to {@code ServiceApp.revokedSessions},
     * which starts and stops it with the server.
     */
    public static RevokedSessions fromConfig(Config config, String serviceName) {
        int seconds = config.integer("REVOCATION_POLL_SECONDS", 5, 1, 300);
        if (config.optional("SERVICE_CLIENT_SECRET").isEmpty()) {
            log.warn("Token revocation is off: SERVICE_CLIENT_SECRET is not set, so {} cannot ask auth-service which "
                    + "sessions ended; a signed-out or deactivated user's access token works here until it expires", serviceName);
            return new RevokedSessions(serviceName, null, Duration.ofSeconds(1));
        }
        var tokens = ServiceTokens.fromConfig(config, serviceName);
        var auth = ServiceClient.builder(config, "auth-service")
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .token(tokens)
                .build();
        return new RevokedSessions(serviceName, auth, Duration.ofSeconds(seconds));
    }

    /** An instance that knows of no revocations and never polls (the feature switched off). */
    public static RevokedSessions off() {
        return new RevokedSessions("", null, Duration.ofSeconds(1));
    }

    /** Whether this polls auth-service at all (false: {@link #off()}). */
    public boolean enabled() {
        return auth != null;
    }

    /** True when auth-service said the session ended; false for unknown sessions and null. */
    public boolean isRevoked(UUID sessionId) {
        return sessionId != null && revoked.containsKey(sessionId);
    }

    /** When the last poll succeeded, or null if none has yet. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /**
     * For /health: always up, since an unreachable auth-service must not take this service out of
     * rotation (the known revocations stay in force); the detail says "off", "on", or since when
     * auth-service has not answered.
     */
    public HealthCheck health() {
        return () -> HealthCheck.Result.up(status());
    }

    String status() {
        if (auth == null) return "off";
        Instant last = lastSuccess;
        if (last == null) return "on, no answer from auth-service yet";
        return failures == 0 ? "on" : "on, no answer from auth-service since " + last;
    }

    /** How many ended sessions are known now. */
    public int size() {
        return revoked.size();
    }

    /** Starts polling on a scheduler of its own (the first poll at once); idempotent, and a no-op when off. */
    public synchronized RevokedSessions start() {
        if (closed) throw new IllegalStateException("RevokedSessions is closed");
        if (auth == null || task != null) return this;
        own = Scheduler.named("revoked-sessions-" + serviceName).start();
        return start(own);
    }

    /**
     * Polls as a task of the service's scheduler (the first poll as soon as it runs); idempotent,
     * and a no-op when off. ServiceApp calls this when the server has started.
     */
    public synchronized RevokedSessions start(Scheduler scheduler) {
        if (closed) throw new IllegalStateException("RevokedSessions is closed");
        if (auth == null || task != null) return this;
        log.info("Token revocation is on: {} asks {} for ended sessions every {}", serviceName, auth.baseUri(), every());
        task = scheduler.every("revoked-sessions", pollInterval, this::pollOnce);
        return this;
    }

    /**
     * Asks auth-service once, on the calling thread, and returns whether that worked. The poll
     * loop calls this; so can tests. A failure keeps what is known and is logged, now and then.
     */
    public boolean pollOnce() {
        if (auth == null || closed) return false;
        polling.lock();
        try {
            String path = "/revocations" + (since == null ? "" : "?since=" + ServiceClient.encode(since.toString()));
            Answer answer = auth.get(path, Answer.class);
            if (answer == null || answer.until() == null || answer.items() == null) {
                throw new IllegalStateException("auth-service answered /revocations without items and until");
            }
            for (Item item : answer.items()) {
                if (item == null || item.sessionId() == null || item.revokedAt() == null) continue;
                Instant known = revoked.get(item.sessionId());
                if (known == null) log.debug("session {} of user {} ended at {}", item.sessionId(), item.userId(), item.revokedAt());
                if (known == null || item.revokedAt().isAfter(known)) revoked.put(item.sessionId(), item.revokedAt());
            }
            // Pruned by auth-service's clock, as revoked_at is: a skewed local clock changes nothing.
            Instant forgetBefore = answer.until().minus(RETENTION);
            revoked.values().removeIf(at -> at.isBefore(forgetBefore));
            since = answer.until().minus(OVERLAP);
            lastSuccess = Instant.now();
            if (failures > 0) log.info("auth-service answers {}'s /revocations polls again, after {} failed", serviceName, failures);
            failures = 0;
            return true;
        } catch (RuntimeException e) {
            if (closed) return false; // interrupted by close(): not worth a warning
            failures++;
            long now = System.nanoTime();
            if (failures == 1 || now - lastWarnNanos >= WARN_EVERY.toNanos()) {
                lastWarnNanos = now;
                log.warn("{} cannot ask auth-service which sessions ended ({} poll(s) failed in a row; the {} ended "
                        + "session(s) known are still refused): {}", serviceName, failures, revoked.size(), e.getMessage());
            }
            return false;
        } finally {
            polling.unlock();
        }
    }

    /** Stops polling promptly: interrupts a poll in flight and waits briefly for it to end. */
    @Override
    public void close() {
        Scheduler.Task running;
        Scheduler mine;
        synchronized (this) {
            if (closed) return;
            closed = true;
            running = task;
            mine = own;
        }
        if (running != null) running.stop(Duration.ZERO);
        if (mine != null) mine.close();
    }

    /** True while polling is scheduled or a poll runs. */
    boolean running() {
        Scheduler.Task t;
        synchronized (this) {
            t = task;
        }
        return t != null && t.active();
    }

    @Override
    public String toString() {
        return "RevokedSessions[" + (serviceName.isEmpty() ? "" : serviceName + " ") + (auth == null ? "off" : auth.baseUri() + " every " + every()) + "]";
    }

    private String every() {
        return pollInterval.toMillis() % 1000 == 0 ? pollInterval.toSeconds() + " s" : pollInterval.toMillis() + " ms";
    }
}
