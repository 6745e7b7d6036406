package com.coachway.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;
import com.coachway.gateway.Gateway;
import com.coachway.gateway.KongConfig;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several real services for one test class, wired as in production: one fresh database (a schema
 * each), each on its own port, knowing the others by <HOST>_URL (e.g. PRICING_SERVICE_URL), with
 * service credentials registered in auth-service, and the gateway on the real kong.yml in front.
 * Tests talk only to the gateway; every exchange is checked against the service's openapi.yaml.
 *
 * <pre>
 * platform = Platform.builder()
 *     .service("auth-service", "/api/v1/auth", AuthService::start)
 *     .service("client-service", "/api/v1/clients", ClientService::start)
 *     .start();
 * platform.api("/api/v1/clients").auth().oauth2(platform.token("sales_agent")).get("/clients");
 * </pre>
 */
public final class Platform implements AutoCloseable {
    public static final String ADMIN_EMAIL = "admin@example.com";
    public static final String ADMIN_PASSWORD = "admin123";
    public static final String USER_PASSWORD = "Test-Pass-2026";

    private record Def(String host, String route, Function<Config, RunningService> starter, Map<String, String> env) {
    }

    public static final class Builder {
        private final List<Def> defs = new ArrayList<>();
        private final Map<String, String> sharedEnv = new HashMap<>();
        private Clock gatewayClock = Clock.systemUTC();

        /** A service, by its kong.yml host (= module directory name) and public route. */
        public Builder service(String host, String route, Function<Config, RunningService> starter) {
            return service(host, route, starter, Map.of());
        }

        public Builder service(String host, String route, Function<Config, RunningService> starter, Map<String, String> env) {
            defs.add(new Def(host, route, starter, env));
            return this;
        }

        /** A variable every service gets. */
        public Builder env(String name, String value) {
            sharedEnv.put(name, value);
            return this;
        }

        /** The clock the gateway's rate-limit windows count on, so a test can hold or move time instead of waiting. */
        public Builder gatewayClock(Clock clock) {
            gatewayClock = clock;
            return this;
        }

        public Platform start() {
            return new Platform(defs, sharedEnv, gatewayClock);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private final List<RunningService> running = new ArrayList<>();
    private final Map<String, Path> specs = new HashMap<>();
    private final Map<String, OpenApiValidationFilter> full = new ConcurrentHashMap<>();
    private final Map<String, OpenApiValidationFilter> responsesOnly = new ConcurrentHashMap<>();
    private static final java.time.Duration TOKEN_REUSE = java.time.Duration.ofMinutes(10);
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> testUsers = new ConcurrentHashMap<>();
    private final Map<String, URI> upstreams = new HashMap<>();
    private final Map<String, String> serviceSecrets = new HashMap<>();
    private final String databaseUrl;
    private final Gateway gateway;

    private Platform(List<Def> defs, Map<String, String> sharedEnv, Clock gatewayClock) {
        databaseUrl = TestPostgres.newDatabaseUrl();
        var ports = new LinkedHashMap<String, Integer>();
        for (Def d : defs) ports.put(d.host(), FreePorts.next());

        var env = new HashMap<String, String>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("DB_POOL_SIZE", "6");
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("BCRYPT_COST", "4");
        ports.forEach((host, port) -> env.put(host.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", "http://127.0.0.1:" + port));
        if (ports.containsKey("auth-service")) {
            env.put("AUTH_URL", "http://127.0.0.1:" + ports.get("auth-service"));
            env.put("AUTH_JWKS_URL", "http://127.0.0.1:" + ports.get("auth-service") + "/.well-known/jwks.json");
        }
        var clients = new ArrayList<String>();
        var secrets = serviceSecrets;
        for (Def d : defs) {
            String secret = "secret-" + UUID.randomUUID();
            secrets.put(d.host(), secret);
            clients.add(d.host() + ":" + secret);
        }
        env.put("SERVICE_CLIENTS", String.join(",", clients));
        env.putAll(sharedEnv);

        try {
            for (Def d : defs) {
                var vars = new HashMap<>(env);
                vars.put("PORT", String.valueOf(ports.get(d.host())));
                vars.put("SERVICE_CLIENT_ID", d.host());
                vars.put("SERVICE_CLIENT_SECRET", secrets.get(d.host()));
                vars.putAll(d.env());
                running.add(d.starter().apply(Config.of(vars)));
                upstreams.put(d.host(), URI.create("http://127.0.0.1:" + ports.get(d.host())));
                specs.put(d.route(), RepoFiles.root().resolve("modules/" + d.host() + "/src/main/resources/openapi.yaml"));
            }
            gateway = Gateway.start(KongConfig.load(RepoFiles.kongConfig()), upstreams, 0, gatewayClock);
        } catch (RuntimeException e) {
            running.reversed().forEach(RunningService::close);
            throw e;
        }
    }

    private Path spec(String route) {
        Path spec = specs.get(route);
        if (spec == null || !Files.exists(spec)) throw new IllegalStateException("no openapi.yaml for route " + route + " at " + spec);
        return spec;
    }

    /** A request to one route through the gateway, request and response validated against its openapi.yaml. */
    public RequestSpecification api(String route) {
        var filter = full.computeIfAbsent(route, r -> new OpenApiValidationFilter(spec(r).toUri().toString()));
        return given(route).filter(filter);
    }

    /** As {@link #api}, but the request may break the contract on purpose; the response is still checked. */
    public RequestSpecification raw(String route) {
        var filter = responsesOnly.computeIfAbsent(route, r -> new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForSpecificationUrl(spec(r).toUri().toString())
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .build()));
        return given(route).filter(filter);
    }

    private RequestSpecification given(String route) {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri("http://127.0.0.1:" + gateway.port()).setBasePath(route).build());
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** A service's own port, as a Prometheus server reaches it: not through the gateway. */
    public URI serviceUri(String host) {
        URI uri = upstreams.get(host);
        if (uri == null) throw new IllegalArgumentException("no service " + host + " in this platform");
        return uri;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public long count(String table) {
        return Rows.count(databaseUrl, table);
    }

    /**
     * A token cached under {@code key}, fetched outside the map: fetching one may need another
     * (a new user's token needs the admin's), and a nested computeIfAbsent on one
     * ConcurrentHashMap throws "Recursive update" whenever both keys fall in the same bin. Two
     * threads asking at once may both fetch; the first stored wins.
     */
    /**
     * Access tokens live 15 minutes and a long test (the stack's bad-input sweep) outlasts them: a
     * cached token is fetched again once it is 10 minutes old.
     */
    private String cachedToken(String key, java.util.function.Supplier<String> fetch) {
        long now = System.nanoTime();
        Cached cached = tokens.get(key);
        if (cached != null && now - cached.fetchedAt() < TOKEN_REUSE.toNanos()) return cached.token();
        Cached fetched = new Cached(fetch.get(), now);
        tokens.put(key, fetched);
        return fetched.token();
    }

    private record Cached(String token, long fetchedAt) {
    }

    /** The bootstrap admin's access token (needs auth-service in the platform). */
    public String adminToken() {
        return cachedToken("admin", () -> login(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    /** A token of a fresh staff user holding this role (cached per role: always the same user). */
    public String token(String role) {
        return cachedToken("role:" + role, () -> login(testUser("role:" + role, List.of(role), Map.of()), USER_PASSWORD));
    }

    /** The test user made once for {@code key}: a token fetched again after the old one aged is the same user's. */
    private String testUser(String key, List<String> roles, Map<String, Object> extra) {
        return testUsers.computeIfAbsent(key, k -> newUser(roles, extra));
    }

    /**
     * A service token (role service) with this platform service's own client credentials, as that
     * service holds it when it calls a neighbour.
     */
    public String serviceToken(String host) {
        String secret = serviceSecrets.get(host);
        if (secret == null) throw new IllegalArgumentException("no service " + host + " in this platform");
        return clientCredentialsToken(host, secret);
    }

    /** A token of the client-credentials grant (role service) for a client auth-service was given in SERVICE_CLIENTS (cached per client). */
    public String clientCredentialsToken(String clientId, String secret) {
        return cachedToken("client:" + clientId, () -> {
            Response r = given("/api/v1/auth").contentType("application/json")
                    .body(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).post("/token");
            assertEquals(200, r.statusCode(), () -> "service token failed: " + r.asString());
            return r.path("access_token");
        });
    }

    /** A token of a fresh portal user: client → client_id, vendor → vendor_id, driver → driver_id. */
    public String portalToken(String role, UUID recordId) {
        String key = role + ":" + recordId;
        return cachedToken(key, () -> login(testUser(key, List.of(role), Map.of(role + "_id", recordId.toString())), USER_PASSWORD));
    }

    public String tokenForNewUser(List<String> roles, Map<String, Object> extra) {
        return login(newUser(roles, extra), USER_PASSWORD);
    }

    /** Makes a user with these roles (and extra fields such as client_id); its email. */
    private String newUser(List<String> roles, Map<String, Object> extra) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        var body = new HashMap<String, Object>(Map.of("email", email, "full_name", "Test " + String.join(" ", roles),
                "password", USER_PASSWORD, "roles", roles));
        body.putAll(extra);
        Response r = given("/api/v1/auth").auth().oauth2(adminToken()).contentType("application/json").body(body).post("/users");
        assertEquals(201, r.statusCode(), () -> "creating a test user failed: " + r.asString());
        return email;
    }

    public String login(String email, String password) {
        Response r = given("/api/v1/auth").contentType("application/json")
                .body(Map.of("email", email, "password", password)).post("/login");
        assertEquals(200, r.statusCode(), () -> "login failed: " + r.asString());
        return r.path("access_token");
    }

    @Override
    public void close() {
        gateway.close();
        running.reversed().forEach(RunningService::close);
    }
}
