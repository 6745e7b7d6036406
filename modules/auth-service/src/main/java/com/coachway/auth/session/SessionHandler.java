package com.coachway.auth.session;

import com.coachway.auth.passwords.Passwords;
import com.coachway.auth.session.SessionViews.Revocation;
import com.coachway.auth.session.SessionViews.Revocations;
import com.coachway.auth.session.SessionViews.ServiceToken;
import com.coachway.auth.session.SessionViews.SessionUser;
import com.coachway.auth.session.SessionViews.TokenPair;
import com.coachway.auth.tokens.OpaqueTokens;
import com.coachway.auth.tokens.TokenIssuer;
import com.coachway.auth.users.User;
import com.coachway.auth.users.UserStore;
import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Sign-in, refresh rotation, sign-out and the client-credentials grant. */
public final class SessionHandler {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);
    private static final String BAD_LOGIN = "The email or password is incorrect";
    /**
     * How far back GET /revocations looks: an access token's lifetime (15 minutes) and a margin,
     * which is also how long the services polling it (RevokedSessions) remember an ended session.
     */
    static final Duration REVOCATION_WINDOW = RevokedSessions.RETENTION;

    private final DSLContext dsl;
    private final UserStore users;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final TokenIssuer tokens;
    private final Duration refreshTtl;
    private final Clock clock;

    public SessionHandler(DSLContext dsl, UserStore users, SessionStore sessions, Passwords passwords,
                          TokenIssuer tokens, Duration refreshTtl, Clock clock) {
        this.dsl = dsl;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    public void login(Context ctx) {
        var in = JsonInput.of(ctx);
        String email = in.requiredString("email");
        String password = in.requiredString("password");
        in.validate();

        var found = users.credentials(email);
        // Same answer, and the same bcrypt work, whether the email is unknown, the password wrong,
        // or the account deactivated: the response never tells which accounts exist.
        boolean ok = found.isPresent()
                ? passwords.matches(password, found.get().passwordHash()) && found.get().user().active()
                : passwords.matchesNothing(password);
        if (!ok) {
            log.info("login failed");
            throw ApiException.unauthorized(BAD_LOGIN);
        }
        User user = found.get().user();
        UUID family = UUID.randomUUID();
        String refresh = dsl.transactionResult(c -> issueRefresh(c.dsl(), family, user.id()));
        users.recordLogin(user.id());
        log.info("login succeeded for user {}", user.id());
        ctx.header("Cache-Control", "no-store").json(pair(user, family, refresh));
    }

    public void refresh(Context ctx) {
        String presented = readRefreshToken(ctx);
        record Result(RefreshRule.Outcome outcome, UUID userId, UUID family, String token) {
        }
        Result result = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var row = sessions.lockByHash(tx, OpaqueTokens.hash(presented)).orElse(null);
            if (row == null) return new Result(null, null, null, null);
            var outcome = RefreshRule.decide(
                    row.revokedAt() == null ? null : row.revokedAt().toInstant(),
                    row.expiresAt().toInstant(), row.userActive(), clock.instant());
            switch (outcome) {
                case REUSED -> sessions.revokeFamily(tx, row.familyId(), "reuse_detected");
                case USER_INACTIVE -> sessions.revokeFamily(tx, row.familyId(), "user_inactive");
                case EXPIRED -> { }
                case ROTATE -> {
                    UUID newId = Ids.newId();
                    String token = OpaqueTokens.newToken();
                    sessions.insert(tx, newId, row.familyId(), row.userId(), OpaqueTokens.hash(token), expiry());
                    sessions.markRotated(tx, row.id(), newId);
                    return new Result(outcome, row.userId(), row.familyId(), token);
                }
            }
            return new Result(outcome, row.userId(), row.familyId(), null);
        });
        if (result.outcome() != RefreshRule.Outcome.ROTATE) {
            if (result.outcome() == RefreshRule.Outcome.REUSED) {
                log.warn("refresh token reuse detected; session {} of user {} revoked", result.family(), result.userId());
            }
            throw ApiException.unauthorized("The refresh token is invalid, expired or revoked; sign in again");
        }
        User user = users.find(result.userId()).orElseThrow(() -> ApiException.unauthorized("The user no longer exists"));
        ctx.header("Cache-Control", "no-store").json(pair(user, result.family(), result.token()));
    }

    public void logout(Context ctx) {
        String presented = readRefreshToken(ctx);
        dsl.transaction(c -> sessions.lockByHash(c.dsl(), OpaqueTokens.hash(presented))
                .ifPresent(row -> sessions.revokeFamily(c.dsl(), row.familyId(), "logout")));
        ctx.status(204);
    }

    /** OAuth 2.0 client-credentials grant (RFC 6749 §4.4), JSON body. */
    public void serviceToken(Context ctx) {
        var in = JsonInput.of(ctx);
        String grant = in.requiredEnum("grant_type", List.of("client_credentials"));
        String clientId = in.requiredString("client_id");
        String secret = in.requiredString("client_secret");
        in.validate();
        var hash = sessions.serviceClientSecretHash(clientId);
        boolean ok = hash.isPresent() ? passwords.matches(secret, hash.get()) : passwords.matchesNothing(secret);
        if (!ok || grant == null) {
            log.info("client credentials rejected for client {}", clientId);
            throw ApiException.unauthorized("The client credentials are incorrect");
        }
        ctx.header("Cache-Control", "no-store")
                .json(new ServiceToken(tokens.forService(clientId), "bearer", tokens.accessTtlSeconds()));
    }

    /**
     * Sessions ended after {@code since} (clamped to the last {@link #REVOCATION_WINDOW}), for
     * services that verify access tokens offline. {@code until} is read before the query, so
     * nothing stamped after it is missed by a next poll from {@code until}; one stamped just
     * before it but committed after the query is why pollers ask again with a few seconds' overlap.
     */
    public void revocations(Context ctx) {
        Instant until = clock.instant();
        Instant since = until.minus(REVOCATION_WINDOW);
        String raw = ctx.queryParam("since");
        if (raw != null && !raw.isBlank()) {
            Instant asked = parseInstant(raw.strip());
            if (asked.isAfter(since)) since = asked;
        }
        var items = sessions.revokedSince(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).stream()
                .map(r -> new Revocation(r.sessionId(), r.userId(), r.revokedAt().toInstant()))
                .toList();
        ctx.header("Cache-Control", "no-store").json(new Revocations(items, until));
    }

    private static Instant parseInstant(String raw) {
        if (raw.length() <= 64) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        throw ApiException.validation(List.of(new FieldError("since",
                "must be an ISO-8601 instant with an offset, such as 2026-05-01T08:00:00Z")));
    }

    private String readRefreshToken(Context ctx) {
        var in = JsonInput.of(ctx);
        String token = in.requiredString("refresh_token");
        in.validate();
        return token;
    }

    private String issueRefresh(DSLContext tx, UUID family, UUID userId) {
        String token = OpaqueTokens.newToken();
        sessions.insert(tx, Ids.newId(), family, userId, OpaqueTokens.hash(token), expiry());
        return token;
    }

    private OffsetDateTime expiry() {
        return OffsetDateTime.ofInstant(clock.instant().plus(refreshTtl), ZoneOffset.UTC);
    }

    private TokenPair pair(User user, UUID family, String refresh) {
        String access = tokens.forUser(new TokenIssuer.UserClaims(user.id(), user.email(), user.roles(),
                user.clientId(), user.vendorId(), user.driverId(), family));
        return new TokenPair(access, refresh, "bearer", tokens.accessTtlSeconds(),
                new SessionUser(user.id(), user.email(), user.fullName(), user.roles()));
    }
}
