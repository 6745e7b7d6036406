package com.coachway.common.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One service's meters, scraped by Prometheus at GET /metrics on the service port (ServiceApp
 * serves it; the gateway does not): {@code http_server_requests_seconds} by method, route
 * template, and status, as a histogram; the JDBC pool ({@code hikaricp_connections_*}); JVM
 * memory, threads, CPU and uptime; and whatever a service adds to {@link #registry()} (e.g.
 * {@link com.coachway.common.outbox.OutboxMetrics}).
 */
public final class ServiceMetrics {
    /** Prometheus text exposition format 0.0.4, what {@link PrometheusMeterRegistry#scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The uri tag of a request no route matched: never the raw path, which anyone can vary without end. */
    public static final String NO_ROUTE = "NOT_FOUND";
    /**
     * The latency histogram's buckets: Prometheus' usual decades, from half a millisecond (a read
     * in the same JVM) to the gateway's 30 s read timeout. Sixteen lines per route and status;
     * Micrometer's publishPercentileHistogram() would write 69 over the same range.
     */
    static final Duration[] BUCKETS = {
            Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public static ServiceMetrics create() {
        return new ServiceMetrics();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Adds the pool's meters (active, idle, pending, max, acquire/usage times, timeouts), tagged
     * pool=&lt;pool name&gt;. Takes the service's Hikari pool; anything else is refused.
     */
    public ServiceMetrics pool(DataSource dataSource) {
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalArgumentException("pool metrics need a HikariDataSource, got " + dataSource.getClass().getName(), e);
        }
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return this;
    }

    /** One answered request; {@code route} is the matched route's template, or {@link #NO_ROUTE}. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template")
                .tags("method", method, "uri", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }
}
