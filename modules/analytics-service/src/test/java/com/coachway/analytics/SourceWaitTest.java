package com.coachway.analytics;

import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.testkit.Rows;
import com.coachway.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the stack the source services migrate in parallel with analytics-service: it waits, bounded
 * by ANALYTICS_SOURCE_WAIT_SECONDS, for the tables its views read, and fails naming what is
 * missing when they never come.
 */
class SourceWaitTest {
    /** The schemas the views read, in the services' jars as classpath:db/<schema>. */
    static final List<String> SOURCES = List.of("client", "pricing", "charter", "payment", "vendor", "finance");

    static Config config(String databaseUrl, int waitSeconds) {
        return Config.of(Map.of("DATABASE_URL", databaseUrl, "PORT", "0", "ANALYTICS_SOURCE_WAIT_SECONDS", String.valueOf(waitSeconds),
                "AUTH_URL", "http://127.0.0.1:9", "AUTH_JWKS_URL", "http://127.0.0.1:9/.well-known/jwks.json"));
    }

    @Test
    void without_the_source_tables_the_start_fails_at_the_end_of_the_wait_naming_what_is_missing() {
        String url = TestPostgres.newDatabaseUrl();
        var e = assertThrows(IllegalStateException.class, () -> AnalyticsService.start(config(url, 0)));
        assertTrue(e.getMessage().contains("ANALYTICS_SOURCE_WAIT_SECONDS") && e.getMessage().contains("does not exist"), e.getMessage());
        // the failed attempt left no view behind
        assertEquals(0L, Rows.scalar(url, Long.class, "select count(*) from pg_views where schemaname = 'analytics'"));
    }

    @Test
    void the_views_are_made_once_the_sources_have_migrated_during_the_wait() throws Exception {
        String url = TestPostgres.newDatabaseUrl();
        CompletableFuture<RunningService> started = CompletableFuture.supplyAsync(() -> AnalyticsService.start(config(url, 120)));
        // the sources migrate while analytics is already trying (as in the stack, where all start at once)
        for (String schema : SOURCES) {
            Flyway.configure().dataSource(url, null, null).schemas(schema).defaultSchema(schema).createSchemas(true)
                    .locations("classpath:db/" + schema).load().migrate();
        }
        try (RunningService analytics = started.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            assertTrue(analytics.port() > 0);
            assertEquals(12L, Rows.scalar(url, Long.class, "select count(*) from pg_views where schemaname = 'analytics'"));
        }
    }
}
