package com.coachway.analytics;

import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The analytics schema is views over other services' tables, and in the stack and in compose those
 * services migrate in parallel with this one. Creating the views (the schema's one, repeatable,
 * migration) fails while a table or column they read does not exist yet; PostgreSQL rolls the
 * failed migration back whole, so it is simply tried again, every second, until it succeeds or the
 * bounded wait (ANALYTICS_SOURCE_WAIT_SECONDS) is over; then the start fails naming what is missing.
 * Any other failure stops the start at once.
 */
final class SourceTables {
    private static final Logger log = LoggerFactory.getLogger(SourceTables.class);
    /** undefined_table, invalid_schema_name, undefined_column, undefined_object. */
    private static final Set<String> MISSING = Set.of("42P01", "3F000", "42703", "42704");
    private static final Duration RETRY = Duration.ofSeconds(1);

    private SourceTables() {
    }

    static Database connectWhenPresent(Config config, String serviceName, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        int attempt = 0;
        while (true) {
            try {
                Database db = Database.connect(config, "analytics", serviceName);
                if (attempt > 0) log.info("the source tables exist now; the analytics views are in place");
                return db;
            } catch (FlywayException e) {
                Optional<String> missing = missingSource(e);
                if (missing.isEmpty()) throw e;
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException("analytics-service waited " + wait.toSeconds()
                            + " s (ANALYTICS_SOURCE_WAIT_SECONDS) for the tables its views read; still missing: " + missing.get(), e);
                }
                if (attempt++ % 10 == 0) log.info("waiting for the services whose tables the analytics views read: {}", missing.get());
                pause();
            }
        }
    }

    /** The database's own words when the failure is a source that does not exist (yet). */
    static Optional<String> missingSource(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && MISSING.contains(sql.getSQLState())) {
                return Optional.of(sql.getMessage());
            }
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the source tables", e);
        }
    }
}
