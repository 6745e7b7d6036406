package com.coachway.auth;

import com.coachway.auth.keys.SigningKey;
import com.coachway.auth.passwords.Passwords;
import com.coachway.auth.roles.RoleActions;
import com.coachway.auth.roles.RoleAudit;
import com.coachway.auth.roles.RoleHandler;
import com.coachway.auth.roles.RoleRoutes;
import com.coachway.auth.roles.RoleStore;
import com.coachway.auth.session.ServiceClientBootstrap;
import com.coachway.auth.session.SessionActions;
import com.coachway.auth.session.SessionHandler;
import com.coachway.auth.session.SessionRoutes;
import com.coachway.auth.session.SessionStore;
import com.coachway.auth.tokens.TokenIssuer;
import com.coachway.auth.users.AdminBootstrap;
import com.coachway.auth.users.UserActions;
import com.coachway.auth.users.UserAudit;
import com.coachway.auth.users.UserHandler;
import com.coachway.auth.users.UserRoutes;
import com.coachway.auth.users.UserStore;
import com.coachway.common.auth.Role;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.config.Config;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** auth-service: users, roles, sessions and the keys every other service trusts. Wiring only. */
public final class AuthService {
    public static final String NAME = "auth-service";
    public static final int DEFAULT_PORT = 8002;

    private AuthService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    private static String[] auditActions() {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(UserAudit.ACTIONS), java.util.Arrays.stream(RoleAudit.ACTIONS))
                .toArray(String[]::new);
    }

    public static RunningService start(Config config) {
        int port = config.port(DEFAULT_PORT);
        var clock = Clock.systemUTC();
        var key = SigningKey.fromConfig(config);
        var passwords = new Passwords(config.integer("BCRYPT_COST", 11, 4, 16));
        // Services remember revoked sessions for RevokedSessions.RETENTION: a token must not outlive that.
        int maxTtl = (int) com.coachway.common.auth.RevokedSessions.RETENTION.toSeconds();
        var tokens = new TokenIssuer(key, Duration.ofSeconds(config.integer("ACCESS_TOKEN_TTL_SECONDS", 900, 30, maxTtl)), clock);
        var refreshTtl = Duration.ofDays(config.integer("REFRESH_TOKEN_TTL_DAYS", 30, 1, 365));

        var db = Database.connect(config, "auth", NAME);
        try {
            var dsl = db.dsl();
            var users = new UserStore();
            var roles = new RoleStore();
            var sessions = new SessionStore();
            AdminBootstrap.run(config, dsl, users, passwords);
            ServiceClientBootstrap.run(config, dsl, sessions, passwords);

            var sessionActions = new SessionActions(dsl, users, sessions, passwords, tokens, refreshTtl, clock);
            var sessionHandler = new SessionHandler(sessionActions);
            var outbox = new Outbox("auth");
            var audit = new AuditTrail(outbox, NAME, clock, auditActions());
            var userHandler = new UserHandler(new UserActions(dsl, users, roles, sessions, passwords, new UserAudit(audit)));
            var roleHandler = new RoleHandler(new RoleActions(dsl, roles, new RoleAudit(audit)));
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);
            var jwks = Map.of("keys", List.of(key.jwk()));

            var app = ServiceApp.named(NAME)
                    .openApiFrom(AuthService.class)
                    .auth(new TokenVerifier(key))
                    .pollingPaths("/revocations") // every service asks every few seconds
                    .callerStillValid(sessionActions::callerStillValid)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .healthInfo("signing_key_id", key.kid())
                    .routes(r -> {
                        r.get("/.well-known/jwks.json", ctx -> ctx.header("Cache-Control", "public, max-age=300").json(jwks), Role.PUBLIC);
                        SessionRoutes.register(r, sessionHandler);
                        UserRoutes.register(r, userHandler);
                        RoleRoutes.register(r, roleHandler);
                    })
                    .build();
            // auth signs its own service token: it is the issuer, and has no client credentials of its own
            OutboxWorker.builder(dsl, outbox)
                    .handlers(audit.handlers(AuditTrail.receiver(config, () -> tokens.forService(NAME))))
                    .configured(config)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
