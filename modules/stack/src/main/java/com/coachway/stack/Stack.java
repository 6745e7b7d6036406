package com.coachway.stack;

import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.gateway.Gateway;
import com.coachway.gateway.KongConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform in one JVM for local use: PostgreSQL (embedded, or DATABASE_URL), a document
 * store (embedded mongo-java-server on .coachway/mongo, or MONGO_URL), every
 * service on its own port (started in parallel), the gateway on :8080 serving kong/kong.yml,
 * demo data on the first start. Ctrl-C stops everything in reverse order.
 */
public final class Stack {
    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    private Stack() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Config env = Config.fromEnv();
        Path home = Path.of(env.string("COACHWAY_HOME", ".coachway")).toAbsolutePath();
        Files.createDirectories(home);
        var closeables = new ArrayList<AutoCloseable>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(closeables), "stack-shutdown"));

        String databaseUrl;
        var external = env.optional("DATABASE_URL");
        if (external.isPresent()) {
            databaseUrl = external.get();
            log.info("using the PostgreSQL at DATABASE_URL");
        } else {
            var pg = LocalPostgres.start(home.resolve("pg"), env.integer("PG_PORT", 54329, 1024, 65535));
            closeables.add(pg);
            databaseUrl = pg.jdbcUrl();
            log.info("embedded PostgreSQL on port {} with data in {}", pg.port(), home.resolve("pg"));
        }

        String mongoUrl;
        var externalMongo = env.optional("MONGO_URL");
        if (externalMongo.isPresent()) {
            mongoUrl = externalMongo.get();
            log.info("using the MongoDB at MONGO_URL");
        } else {
            var mongo = LocalMongo.start(home.resolve("mongo"), env.integer("MONGO_PORT", 0, 0, 65535));
            closeables.add(mongo);
            mongoUrl = mongo.url();
            log.info("embedded document store (mongo-java-server) on 127.0.0.1:{} with data in {}", mongo.port(), home.resolve("mongo"));
        }

        String adminEmail = env.string("ADMIN_EMAIL", "admin@example.com");
        String adminPassword = env.string("ADMIN_PASSWORD", "admin123");
        Config shared = env.with(Map.of(
                "DATABASE_URL", databaseUrl,
                "MONGO_URL", mongoUrl,
                "DB_POOL_SIZE", env.string("DB_POOL_SIZE", "5"),
                "ADMIN_EMAIL", adminEmail,
                "ADMIN_PASSWORD", adminPassword,
                "JWT_KEY_FILE", env.string("JWT_KEY_FILE", home.resolve("jwt-signing-key.pem").toString()),
                "AUTH_URL", "http://127.0.0.1:8002",
                "AUTH_JWKS_URL", "http://127.0.0.1:8002/.well-known/jwks.json"))
                .with(ServiceWiring.urlsAndCredentials(Services.ALL));

        var upstreams = new HashMap<String, URI>();
        List<RunningService> services = startAll(shared);
        for (RunningService s : services) {
            closeables.add(s);
            upstreams.put(s.name(), URI.create("http://127.0.0.1:" + s.port()));
        }
        Path kong = Path.of(env.string("KONG_CONFIG", "kong/kong.yml"));
        Gateway gateway = Gateway.start(KongConfig.load(kong), upstreams, env.integer("GATEWAY_PORT", 8080, 0, 65535));
        closeables.add(gateway);

        Path seeded = home.resolve("demo-data-loaded");
        if (!Files.exists(seeded) && env.bool("DEMO_DATA", true)) {
            new DemoData(gateway.port(), shared.zone("TZ", "America/New_York")).load(adminEmail, adminPassword);
            Files.writeString(seeded, "demo data loaded; delete this file to load it again\n");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%nCoachWay is up on http://localhost:%d  (%d services, started in %d ms)%n",
                gateway.port(), services.size(), ms);
        System.out.printf("  admin login: %s / %s%n", adminEmail, adminPassword);
        System.out.printf("  try: curl -s -XPOST localhost:%d/api/v1/auth/login -H 'content-type: application/json' "
                + "-d '{\"email\":\"%s\",\"password\":\"%s\"}'%n", gateway.port(), adminEmail, adminPassword);
        System.out.println("  Ctrl-C stops it.");
        Thread.currentThread().join();
    }

    private static List<RunningService> startAll(Config shared) throws Exception {
        // Platform threads, not virtual: starting a service is class loading and initialisation, and a
        // virtual thread waiting for a class another one initialises pins its carrier. Seven services
        // at once on a 2-core machine's 2 carriers hung the whole start once (every service silent).
        try (var pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("start-", 0).factory())) {
            var futures = new ArrayList<Future<RunningService>>();
            for (Services.Spec spec : Services.ALL) {
                futures.add(pool.submit(() -> spec.starter().apply(shared.with(ServiceWiring.own(spec, shared)))));
            }
            var started = new ArrayList<RunningService>();
            Exception failure = null;
            for (Future<RunningService> f : futures) {
                try {
                    started.add(f.get());
                } catch (Exception e) {
                    failure = e;
                }
            }
            if (failure != null) {
                started.forEach(RunningService::close);
                throw failure;
            }
            return started;
        }
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", c, e.toString());
            }
        }
        System.out.println("CoachWay stopped.");
    }
}
