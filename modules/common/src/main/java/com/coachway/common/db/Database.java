package com.coachway.common.db;

import com.coachway.common.config.Config;
import com.coachway.common.http.DatabaseOutage;
import com.coachway.common.http.HealthCheck;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's database: a small Hikari pool, its own schema migrated by Flyway from
 * classpath:db/<schema> (history table inside that schema), and a jOOQ DSLContext. Every wait on
 * the database is bounded ({@link Timeouts}); an outage surfaces as an exception that
 * {@link DatabaseOutage#isOutage} recognises and ServiceApp answers as 503.
 */
public final class Database implements AutoCloseable {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** /health waits this long for the database to answer before calling it down. */
    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(1500);

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final String schema;
    private final Timeouts timeouts;
    /** The health query under way, if one is: a check never starts a second while one hangs. */
    private final AtomicReference<CompletableFuture<Void>> healthQuery = new AtomicReference<>();

    private Database(HikariDataSource dataSource, String schema, Timeouts timeouts) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.timeouts = timeouts;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /**
     * How long the service waits on the database, so that an outage is a quick 503 and not a hang.
     * {@code connectMillis}: for a pooled connection (DB_CONNECT_TIMEOUT_MS, default 2000);
     * {@code statementMillis}: PostgreSQL's statement_timeout, cutting long queries
     * (DB_STATEMENT_TIMEOUT_MS, default 15000); {@code socketMillis}: the driver's read timeout,
     * which ends a query that a hung server never answers (DB_SOCKET_TIMEOUT_MS, default
     * statement timeout + 3 s, so the server's own timeout speaks first when it can). When the
     * server hangs, a query already sent waits for the socket timeout; so does one sent within
     * Hikari's 0.5 s alive-bypass window on a connection just returned (lent without a check).
     * Every later request finds no live connection and is refused within the connect timeout.
     */
    public record Timeouts(int connectMillis, int statementMillis, int socketMillis) {
        public static Timeouts fromConfig(Config config) {
            int connect = config.integer("DB_CONNECT_TIMEOUT_MS", 2000, 500, 10_000);
            int statement = config.integer("DB_STATEMENT_TIMEOUT_MS", 15_000, 100, 3_600_000);
            int socket = config.integer("DB_SOCKET_TIMEOUT_MS", statement + 3000, 1000, 3_700_000);
            if (socket <= statement) {
                throw new Config.ConfigException("DB_SOCKET_TIMEOUT_MS", "must be longer than DB_STATEMENT_TIMEOUT_MS ("
                        + statement + "), or queries are cut without the server saying why");
            }
            return new Timeouts(connect, statement, socket);
        }

        /** Hikari checks an idle connection with this before lending it; it must be below the connect timeout. */
        long validationMillis() {
            return Math.max(250, Math.min(1000, connectMillis / 2));
        }
    }

    /**
     * DATABASE_URL (postgresql://user:pass@host:port/db or jdbc:postgresql://…), DB_POOL_SIZE
     * (default 5) and the {@link Timeouts}.
     */
    public static Database connect(Config config, String schema, String serviceName) {
        var jdbc = JdbcUrl.parse(config.required("DATABASE_URL"));
        var timeouts = Timeouts.fromConfig(config);
        // Migrations run before the pool exists, on their own connection without the request
        // timeouts: building an index on a large table may rightly take minutes.
        migrate(jdbc, schema, serviceName, timeouts);
        var ds = new HikariDataSource(poolConfig(jdbc, config.integer("DB_POOL_SIZE", 5, 1, 200), serviceName, timeouts));
        return new Database(ds, schema, timeouts);
    }

    static HikariConfig poolConfig(JdbcUrl jdbc, int poolSize, String serviceName, Timeouts timeouts) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbc.url());
        if (jdbc.user() != null) hikari.setUsername(jdbc.user());
        if (jdbc.password() != null) hikari.setPassword(jdbc.password());
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(1);
        hikari.setPoolName(serviceName);
        hikari.setConnectionTimeout(timeouts.connectMillis());
        hikari.setValidationTimeout(timeouts.validationMillis());
        hikari.addDataSourceProperty("ApplicationName", serviceName);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        int connectSeconds = ceilSeconds(timeouts.connectMillis());
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
        hikari.addDataSourceProperty("loginTimeout", String.valueOf(connectSeconds));
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(ceilSeconds(timeouts.socketMillis())));
        hikari.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statementMillis());
        return hikari;
    }

    private static int ceilSeconds(int millis) {
        return (millis + 999) / 1000;
    }

    private static void migrate(JdbcUrl jdbc, String schema, String serviceName, Timeouts timeouts) {
        var ds = new PGSimpleDataSource();
        ds.setUrl(jdbc.url());
        if (jdbc.user() != null) ds.setUser(jdbc.user());
        if (jdbc.password() != null) ds.setPassword(jdbc.password());
        ds.setConnectTimeout(ceilSeconds(timeouts.connectMillis()));
        ds.setLoginTimeout(ceilSeconds(timeouts.connectMillis()));
        ds.setApplicationName(serviceName + " migrations");
        Flyway.configure()
                .dataSource(ds)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/" + schema)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /**
     * "database" for /health: up if PostgreSQL answers within {@link #HEALTH_TIMEOUT}, whatever
     * the pool's own (longer) timeouts. The query runs on its own virtual thread; one that hangs
     * is left to the socket timeout while later checks wait on the same query, so a frozen server
     * never piles up checks.
     */
    public HealthCheck health() {
        return () -> {
            var query = healthQuery.updateAndGet(q -> q != null && !q.isDone() ? q : CompletableFuture.runAsync(
                    () -> dsl.selectOne().fetch(), task -> Thread.ofVirtual().name("db-health").start(task)));
            try {
                query.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return HealthCheck.Result.up("postgresql");
            } catch (TimeoutException e) {
                return HealthCheck.Result.down("postgresql did not answer within " + HEALTH_TIMEOUT.toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return HealthCheck.Result.down(DatabaseOutage.describe(cause));
            }
        };
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A JDBC url with credentials split out; accepts the postgresql:// form platforms hand out. */
    record JdbcUrl(String url, String user, String password) {
        static JdbcUrl parse(String raw) {
            if (raw.startsWith("jdbc:")) return new JdbcUrl(raw, null, null);
            if (!raw.startsWith("postgresql://") && !raw.startsWith("postgres://")) {
                throw new Config.ConfigException("DATABASE_URL", "must start with postgresql:// or jdbc:postgresql://");
            }
            URI uri;
            try {
                uri = new URI(raw);
            } catch (URISyntaxException e) {
                // never echo the value: it holds the password
                throw new Config.ConfigException("DATABASE_URL",
                        "is not a valid URL; percent-encode special characters in the user name and password");
            }
            if (uri.getHost() == null) {
                throw new Config.ConfigException("DATABASE_URL",
                        "must name a valid host, as in postgresql://user:password@host:5432/coachway");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                if (parts.length > 1) password = decode(parts[1]);
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new JdbcUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
        }

        /** Percent-decoding only: in a URL's user info '+' is a plus, not a space (URLDecoder is for forms). */
        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
