package com.coachway.common.db;

import com.coachway.common.config.Config;
import com.coachway.common.http.HealthCheck;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A service's database: a small Hikari pool, its own schema migrated by Flyway from
 * classpath:db/<schema> (history table inside that schema), and a jOOQ DSLContext.
 */
public final class Database implements AutoCloseable {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final String schema;

    private Database(HikariDataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** DATABASE_URL (postgresql://user:pass@host:port/db or jdbc:postgresql://…), DB_POOL_SIZE (default 5). */
    public static Database connect(Config config, String schema, String serviceName) {
        var jdbc = JdbcUrl.parse(config.required("DATABASE_URL"));
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbc.url());
        if (jdbc.user() != null) hikari.setUsername(jdbc.user());
        if (jdbc.password() != null) hikari.setPassword(jdbc.password());
        hikari.setMaximumPoolSize(config.integer("DB_POOL_SIZE", 5, 1, 200));
        hikari.setMinimumIdle(1);
        hikari.setPoolName(serviceName);
        hikari.setConnectionTimeout(10_000);
        hikari.addDataSourceProperty("ApplicationName", serviceName);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        var ds = new HikariDataSource(hikari);
        try {
            migrate(ds, schema);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, schema);
    }

    static void migrate(DataSource ds, String schema) {
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

    public HealthCheck health() {
        return () -> {
            dsl.selectOne().fetch();
            return HealthCheck.Result.up("postgresql");
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
