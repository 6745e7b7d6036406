package com.coachway.common.http;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.Role;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.client.ServiceCallException;
import com.coachway.common.config.Config;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.schedule.Scheduler;
import com.coachway.common.http.contract.Contract;
import com.coachway.common.http.contract.RequestValidator;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The Javalin app every service shares: JSON, virtual threads, request ids, access log,
 * problem+json errors, bearer-token auth with route roles, every request checked against the
 * service's openapi.yaml, /health and /openapi.yaml, /metrics (Prometheus, for the service port
 * only) and /docs (Swagger UI), and the service's background tasks on one {@link Scheduler} that
 * starts and stops with the server. A service only adds its routes.
 */
public final class ServiceApp {
    private static final Logger access = LoggerFactory.getLogger("access");
    private static final Logger log = LoggerFactory.getLogger(ServiceApp.class);
    public static final String CALLER = "caller";

    private final String serviceName;
    private Class<?> anchor;
    private TokenVerifier verifier;
    private Predicate<Caller> callerStillValid = c -> true;
    private RevokedSessions revokedSessions;
    private final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    private final Map<String, Object> healthInfo = new LinkedHashMap<>();
    private Consumer<RoutesConfig> routes = r -> { };
    /**
     * 1 MiB: exactly kong.yml's global request-size-limiting (allowed_payload_size 1, megabytes,
     * which Kong and our gateway count as 1024 * 1024 bytes), so an oversize body is refused by the
     * gateway before it reaches a service, and a service never refuses what the gateway let through
     * for its size. Change both together; a route with its own limit (documents) sets its own.
     */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    /** Past the limit, how much more of a refused body is still read and discarded (see {@link UnreadBody}). */
    static final long DRAIN_MARGIN_BYTES = 1024 * 1024;

    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private final Set<String> pollingPaths = new HashSet<>(Set.of("/health", "/metrics"));
    private Scheduler scheduler;
    private ServiceMetrics metrics;
    private boolean validateRequests = true;

    private ServiceApp(String serviceName) {
        this.serviceName = serviceName;
    }

    public static ServiceApp named(String serviceName) {
        return new ServiceApp(serviceName);
    }

    /** The class whose jar holds this service's openapi.yaml. */
    public ServiceApp openApiFrom(Class<?> anchor) {
        this.anchor = anchor;
        return this;
    }

    /**
     * The deployment's token checks: signatures against auth-service's keys
     * ({@link TokenVerifier#fromConfig}) and its ended sessions ({@link RevokedSessions#fromConfig}).
     */
    public ServiceApp authFrom(Config config) {
        return auth(TokenVerifier.fromConfig(config)).revokedSessions(RevokedSessions.fromConfig(config, serviceName));
    }

    public ServiceApp auth(TokenVerifier verifier) {
        this.verifier = verifier;
        return this;
    }

    /** An extra check on a verified token (auth-service: is the user still active?). */
    public ServiceApp callerStillValid(Predicate<Caller> check) {
        this.callerStillValid = check;
        return this;
    }

    /**
     * Refuse the tokens of sessions auth-service has ended (sign-out, deactivation, password or
     * role change) with the same 401 as any bad token, instead of honouring them until they
     * expire. The poller starts and stops with the server; /health has a check "token_revocation"
     * that is always up and says "on" or "off" (under checks, so no service's Health schema needs
     * to change). Every service but auth-service (which checks its own database) has it, through
     * {@link #authFrom}.
     */
    public ServiceApp revokedSessions(RevokedSessions revoked) {
        this.revokedSessions = Objects.requireNonNull(revoked, "revoked");
        return health("token_revocation", revoked.health());
    }

    public ServiceApp health(String name, HealthCheck check) {
        checks.put(name, check);
        return this;
    }

    /** Static facts shown in /health (e.g. which provider is configured). */
    public ServiceApp healthInfo(String name, Object value) {
        healthInfo.put(name, value);
        return this;
    }

    /**
     * Paths that load balancers and other services poll every few seconds: a successful GET of one
     * is logged at DEBUG, so the access log shows what people and services do, not the polling.
     * Failures are logged as always. /health is one.
     */
    public ServiceApp pollingPaths(String... paths) {
        pollingPaths.addAll(List.of(paths));
        return this;
    }

    /**
     * The largest body Javalin reads for a handler (413 past it); it also bounds how much of a body
     * the service answered without reading is still read and discarded (see {@link UnreadBody}).
     * Keep it equal to the gateway's limit for the service's routes.
     */
    public ServiceApp maxRequestBytes(long bytes) {
        this.maxRequestBytes = bytes;
        return this;
    }

    /**
     * The service's scheduler, for its own background tasks too (expiry jobs, outbox): started
     * when the server has started, closed when it has stopped. Without one ServiceApp makes its own.
     */
    public ServiceApp scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The service's meters, for its pool and its own gauges too; without them ServiceApp makes its own. */
    public ServiceApp metrics(ServiceMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /**
     * Check every request against openapi.yaml before its handler runs (on by default whenever
     * {@link #openApiFrom} names the contract). Off only for measuring what the check costs.
     */
    public ServiceApp validateRequests(boolean on) {
        this.validateRequests = on;
        return this;
    }

    public ServiceApp routes(Consumer<RoutesConfig> routes) {
        this.routes = routes;
        return this;
    }

    public Javalin build() {
        Objects.requireNonNull(verifier, "auth(verifier) is required");
        Contract contract = contract();
        var serviceRoutes = new ArrayList<String>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            config.http.maxRequestSize = maxRequestBytes;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(5_000);
                // Around Javalin's handler (Javalin puts its servlet context inside this wrapper).
                // max(): a limit near Long.MAX_VALUE must not overflow into a drain of nothing
                var unread = new UnreadBody(Math.max(maxRequestBytes, maxRequestBytes + DRAIN_MARGIN_BYTES));
                if (server.getHandler() != null) unread.setHandler(server.getHandler());
                server.setHandler(unread);
            });
            config.requestLogger.http(this::logRequest);
            backgroundWorkWithTheServer(config);

            RoutesConfig r = config.routes;
            r.before(this::assignRequestId);
            // Javalin gives every response its default Content-Type (text/plain), even one with no body.
            r.after(ServiceApp::noContentTypeWithoutBody);
            r.beforeMatched(this::authorize);
            if (contract != null && validateRequests) r.beforeMatched(new RequestValidator(contract)::validate);
            r.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.type(), e.title(), e.detail(), e.errors()));
            r.exception(ServiceCallException.class, this::upstreamProblem);
            r.exception(HttpResponseException.class, this::frameworkProblem);
            r.exception(Exception.class, this::unexpected);
            r.error(404, ctx -> {
                if (!isProblem(ctx)) problem(ctx, 404, Problems.NOT_FOUND, "Not found", "No such resource: " + ctx.method() + " " + ctx.path(), null);
            });
            r.error(405, ctx -> {
                if (!isProblem(ctx)) problem(ctx, 405, Problems.METHOD_NOT_ALLOWED, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(), null);
            });
            r.get("/health", this::health, Role.PUBLIC);
            r.get("/openapi.yaml", this::openApi, Role.PUBLIC);
            operationsRoutes(r);
            collectRoutes(config, serviceRoutes);
        });
        requireRoles(app);
        requireContractCovers(contract, serviceRoutes);
        return app;
    }

    /**
     * Authorization fails closed: a route that names no roles would be open to any caller, so the
     * service does not start. A route open to everyone says {@link Role#PUBLIC}; one open to any
     * valid token says {@link Role#AUTHENTICATED}.
     */
    private void requireRoles(Javalin app) {
        List<String> open = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .filter(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    return roles == null || roles.getRoles().isEmpty() || !roles.getRoles().stream().allMatch(Role.class::isInstance);
                })
                .map(endpoint -> endpoint.method + " " + endpoint.path)
                .toList();
        List<String> mixed = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .filter(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    return roles != null && roles.getRoles().contains(Role.SERVICE_ONLY) && roles.getRoles().size() > 1;
                })
                .map(endpoint -> endpoint.method + " " + endpoint.path)
                .toList();
        if (!mixed.isEmpty()) {
            // SERVICE_ONLY beside other roles would read as "these too" but mean "only services"
            throw new IllegalStateException(serviceName + " will not start: Role.SERVICE_ONLY must be a route's only role "
                    + mixed);
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(serviceName + " will not start: these routes declare no roles (of "
                    + Role.class.getName() + ") " + open + "; give each the roles that may call it"
                    + " (Role.PUBLIC for anyone, Role.AUTHENTICATED for any valid token)");
        }
    }

    /** The service's own routes as "METHOD /template", to hold them against the contract. */
    private void collectRoutes(io.javalin.config.JavalinConfig config, List<String> into) {
        boolean[] collecting = {true};
        config.events.handlerAdded(h -> {
            if (collecting[0] && h.getHttpMethod().isHttpMethod()) into.add(h.getHttpMethod().name() + " " + h.getPath());
        });
        routes.accept(config.routes);
        collecting[0] = false;
    }

    /** The contract is the validation, so a route it does not describe would go unchecked: refuse to start. */
    private void requireContractCovers(Contract contract, List<String> serviceRoutes) {
        if (contract == null || !validateRequests) return;
        List<String> missing = RequestValidator.notInContract(contract, serviceRoutes);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(serviceName + ": openapi.yaml has no operation for " + String.join(", ", missing)
                    + "; describe each route in the contract (it is what checks the requests)");
        }
    }

    private Contract contract() {
        try {
            byte[] spec = anchor == null ? null : OwnResource.read(anchor, "openapi.yaml");
            return spec == null ? null : Contract.parse(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read openapi.yaml", e);
        }
    }

    private static void noContentTypeWithoutBody(Context ctx) {
        int status = ctx.status().getCode();
        if (status == 204 || status == 304) ctx.res().setContentType(null);
    }

    /** The verified caller of a route that required a token. */
    public static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) throw ApiException.unauthorized("A bearer token is required");
        return c;
    }

    private void assignRequestId(Context ctx) {
        String id = RequestIds.accept(ctx.header(RequestIds.HEADER));
        ctx.attribute(RequestIds.ATTRIBUTE, id);
        ctx.header(RequestIds.HEADER, id);
        ctx.header("X-Content-Type-Options", "nosniff");
        MDC.put(RequestIds.MDC_KEY, id);
        MDC.put("service", serviceName);
    }

    private void authorize(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.contains(Role.PUBLIC)) return;
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("A bearer token is required");
        }
        RevokedSessions revoked = revokedSessions;
        Caller caller = verifier.verify(header.substring(7).trim())
                .filter(callerStillValid)
                .filter(c -> revoked == null || !revoked.isRevoked(c.sessionId()))
                .orElseThrow(() -> ApiException.unauthorized("The token is invalid, expired or revoked"));
        ctx.attribute(CALLER, caller);
        MDC.put("caller", caller.subject());
        // build() refuses such routes; should one slip through, it is closed, not open
        if (roles.isEmpty()) throw ApiException.forbidden("This route declares no roles");
        if (roles.contains(Role.SERVICE_ONLY)) {
            // checked before admin: admin passes every other check, but not this one
            if (caller.isService()) return;
            throw ApiException.forbidden("Only a service token may call this route");
        }
        if (caller.isAdmin() || roles.contains(Role.AUTHENTICATED)) return;
        for (RouteRole role : roles) {
            if (role instanceof Role r && caller.hasRole(r)) return;
        }
        throw ApiException.forbidden("This needs one of the roles: "
                + roles.stream().map(x -> ((Role) x).code()).sorted().collect(Collectors.joining(", ")));
    }

    /** The scheduler (and the revocation feed on it) run from when the server has started until it has stopped. */
    private void backgroundWorkWithTheServer(JavalinConfig config) {
        Scheduler tasks = scheduler != null ? scheduler : (scheduler = Scheduler.named(serviceName));
        RevokedSessions revoked = revokedSessions;
        config.events.serverStarted(() -> {
            if (revoked != null) revoked.start(tasks);
            tasks.start();
        });
        Runnable stop = () -> {
            if (revoked != null) revoked.close();
            tasks.close();
        };
        config.events.serverStartFailed(stop::run);
        config.events.serverStopped(stop::run);
    }

    /** /metrics for Prometheus on the service port, /docs for people through the gateway. */
    private void operationsRoutes(RoutesConfig r) {
        if (metrics == null) metrics = ServiceMetrics.create();
        var docs = new ApiDocs(serviceName);
        r.get("/metrics", this::metrics, Role.PUBLIC);
        r.get("/docs", docs::page, Role.PUBLIC);
        r.get("/docs/{file}", docs::file, Role.PUBLIC);
    }

    /**
     * Kong always sets X-Forwarded-For on what it proxies (nginx_kong.lua), and a client cannot
     * take it off; a Prometheus server scraping the service port sends none. So a request that
     * came through the gateway (/api/v1/<route>/metrics) gets the 404 of a path that does not exist.
     */
    private void metrics(Context ctx) {
        if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null) {
            problem(ctx, 404, Problems.NOT_FOUND, "Not found", "No such resource: " + ctx.method() + " " + ctx.path(), null);
            return;
        }
        ctx.contentType(ServiceMetrics.CONTENT_TYPE).result(metrics.scrape());
    }

    private void health(Context ctx) {
        var results = new LinkedHashMap<String, Object>();
        boolean healthy = true;
        for (var e : checks.entrySet()) {
            HealthCheck.Result result;
            try {
                result = e.getValue().check();
            } catch (Exception ex) {
                result = HealthCheck.Result.down(ex.getClass().getSimpleName());
            }
            healthy &= result.up();
            var check = new LinkedHashMap<String, Object>();
            check.put("status", result.up() ? "up" : "down");
            check.put("detail", result.detail()); // may be null: Map.of would throw and turn /health into a 500
            results.put(e.getKey(), check);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("service", serviceName);
        body.put("checks", results);
        body.putAll(healthInfo);
        ctx.status(healthy ? 200 : 503).json(body);
    }

    private void openApi(Context ctx) throws Exception {
        byte[] spec = anchor == null ? null : OwnResource.read(anchor, "openapi.yaml");
        if (spec == null) throw ApiException.notFound("openapi.yaml");
        ctx.contentType("application/yaml").result(spec);
    }

    private void frameworkProblem(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String type = switch (status) {
            case 400 -> Problems.BAD_REQUEST;
            case 401 -> Problems.UNAUTHORIZED;
            case 403 -> Problems.FORBIDDEN;
            case 404 -> Problems.NOT_FOUND;
            case 405 -> Problems.METHOD_NOT_ALLOWED;
            case 413 -> Problems.TOO_LARGE;
            case 415 -> Problems.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? Problems.INTERNAL : Problems.BAD_REQUEST;
        };
        String title = io.javalin.http.HttpStatus.forStatus(status).getMessage();
        String detail = status == 413 ? "The request body is larger than " + maxRequestBytes + " bytes" : e.getMessage();
        problem(ctx, status, type, title, detail, null);
    }

    /**
     * A call to another service failed and the handler did not say what that means for its
     * caller: unavailable dependencies are a 503; a rejection of our own request is a 502 (we
     * asked wrongly), never the other service's 4xx passed off as our answer.
     */
    private void upstreamProblem(ServiceCallException e, Context ctx) {
        if (e.isUnavailable()) {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ApiException u = e.unavailable();
            problem(ctx, 503, u.type(), u.title(), u.detail(), null);
        } else {
            log.error("{} {}: unhandled rejection from {}", ctx.method(), ctx.path(), e.service(), e);
            problem(ctx, 502, Problems.UPSTREAM, "Bad gateway",
                    e.service() + " rejected a request we made (" + e.status() + "); quote the request id when reporting it", null);
        }
    }

    /**
     * A database that is down, hung or cutting a query by its statement timeout is a dependency
     * outage: 503 with Retry-After, never a 500. Database constraint errors that reach here are
     * still the client's doing (a race past a check, a duplicate): answer 409/400, not 500.
     * Anything else is our bug: log it, hide it.
     */
    private void unexpected(Exception e, Context ctx) {
        if (DatabaseOutage.isOutage(e)) {
            log.warn("{} {}: database unavailable: {}", ctx.method(), ctx.path(), DatabaseOutage.describe(e));
            problem(ctx, 503, Problems.UNAVAILABLE, "Service unavailable", "The database is unavailable or too slow; try again shortly", null);
            return;
        }
        SQLException sql = e instanceof DataAccessException dae ? dae.getCause(SQLException.class) : null;
        String state = sql == null ? null : sql.getSQLState();
        if ("23505".equals(state) || "23503".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
            problem(ctx, 409, Problems.CONFLICT, "Conflict", "The change conflicts with the current data; reload and retry", null);
            return;
        }
        if (state != null && (state.startsWith("22") || "23514".equals(state) || "23502".equals(state))) {
            problem(ctx, 400, Problems.BAD_REQUEST, "Bad request", "A value is out of range or malformed", null);
            return;
        }
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        problem(ctx, 500, Problems.INTERNAL, "Internal server error",
                "Something went wrong on our side; quote the request id when reporting it", null);
    }

    private static boolean isProblem(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith(Problems.CONTENT_TYPE);
    }

    /** Seconds a client is asked to wait before retrying a 503 (a dependency outage). */
    static final String RETRY_AFTER_SECONDS = "5";

    public static void problem(Context ctx, int status, String type, String title, String detail, List<FieldError> errors) {
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
        if (status == 503 && ctx.res().getHeader("Retry-After") == null) ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        ctx.status(status)
                .json(Problems.body(type, title, status, detail, errors == null ? new ArrayList<>() : errors, RequestIds.of(ctx)))
                .contentType(Problems.CONTENT_TYPE);
    }

    private void logRequest(Context ctx, Float ms) {
        int status = ctx.status().getCode();
        boolean polling = status < 400 && ctx.method() == HandlerType.GET && pollingPaths.contains(ctx.path());
        access.atLevel(polling ? Level.DEBUG : Level.INFO).log("{} {} {}", ctx.method(), ctx.path(), status,
                kv("method", ctx.method().name()), kv("path", ctx.path()), kv("status", status),
                kv("duration_ms", Math.round(ms * 10) / 10.0), kv("request_id", RequestIds.of(ctx)));
        MDC.clear();
        recordMetrics(ctx, status, ms);
    }

    /** By the matched route's template (/charters/{id}), never the raw path: its values are unbounded. */
    private void recordMetrics(Context ctx, int status, Float ms) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? ServiceMetrics.NO_ROUTE : matched.path;
        metrics.request(ctx.method().name(), route, status, (long) (ms * 1_000_000L));
    }
}
