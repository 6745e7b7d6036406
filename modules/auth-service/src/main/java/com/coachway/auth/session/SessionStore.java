package com.coachway.auth.session;

import com.coachway.auth.users.UserSessions;
import com.coachway.db.auth.tables.records.RefreshTokensRecord;
import com.coachway.db.auth.tables.records.ServiceClientsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.auth.Tables.REFRESH_TOKENS;
import static com.coachway.db.auth.Tables.SERVICE_CLIENTS;
import static com.coachway.db.auth.Tables.USERS;

/**
 * The jOOQ queries for sessions: refresh-token families, and whether a token's holder is still
 * valid. Each runs on the DSLContext it is given.
 */
public final class SessionStore implements UserSessions {
    public record RefreshRow(UUID id, UUID familyId, UUID userId, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                             boolean userActive) {
    }

    /** A session (refresh family) that ended, and when it last did. */
    public record Revocation(UUID sessionId, UUID userId, OffsetDateTime revokedAt) {
    }

    public void insert(DSLContext tx, UUID id, UUID familyId, UUID userId, String tokenHash, OffsetDateTime expiresAt) {
        var r = new RefreshTokensRecord();
        r.setId(id);
        r.setFamilyId(familyId);
        r.setUserId(userId);
        r.setTokenHash(tokenHash);
        r.setExpiresAt(expiresAt);
        tx.insertInto(REFRESH_TOKENS).set(r).execute();
    }

    /** What a revoked token's row says: when, and why. */
    private static RefreshTokensRecord revoked(String reason) {
        var r = new RefreshTokensRecord();
        r.setRevokedAt(OffsetDateTime.now());
        r.setRevokedReason(reason);
        return r;
    }

    /** The token's row, locked: two concurrent refreshes of one token serialize here. */
    public Optional<RefreshRow> lockByHash(DSLContext tx, String tokenHash) {
        return tx.select(REFRESH_TOKENS.ID, REFRESH_TOKENS.FAMILY_ID, REFRESH_TOKENS.USER_ID, REFRESH_TOKENS.EXPIRES_AT,
                        REFRESH_TOKENS.REVOKED_AT, USERS.ACTIVE)
                .from(REFRESH_TOKENS).join(USERS).on(USERS.ID.eq(REFRESH_TOKENS.USER_ID))
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(tokenHash))
                .forUpdate().of(REFRESH_TOKENS)
                .fetchOptional(r -> new RefreshRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public void markRotated(DSLContext tx, UUID id, UUID replacedBy) {
        var r = revoked("rotated");
        r.setReplacedBy(replacedBy);
        tx.update(REFRESH_TOKENS)
                .set(r)
                .where(REFRESH_TOKENS.ID.eq(id)).execute();
    }

    public int revokeFamily(DSLContext tx, UUID familyId, String reason) {
        return tx.update(REFRESH_TOKENS)
                .set(revoked(reason))
                .where(REFRESH_TOKENS.FAMILY_ID.eq(familyId), REFRESH_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    /** Ends every session of the user except {@code keepFamily} (null: all of them). */
    @Override
    public int endAll(DSLContext tx, UUID userId, UUID keepFamily, String reason) {
        var cond = REFRESH_TOKENS.USER_ID.eq(userId).and(REFRESH_TOKENS.REVOKED_AT.isNull());
        if (keepFamily != null) cond = cond.and(REFRESH_TOKENS.FAMILY_ID.ne(keepFamily));
        return tx.update(REFRESH_TOKENS)
                .set(revoked(reason))
                .where(cond).execute();
    }

    /**
     * A user's access token is honoured while the user is active and its session (refresh family)
     * still has a live token: signing out or deactivation ends it at once, here.
     */
    public boolean userSessionLive(DSLContext db, UUID userId, UUID familyId) {
        var live = DSL.selectOne().from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.FAMILY_ID.eq(familyId), REFRESH_TOKENS.USER_ID.eq(userId),
                        REFRESH_TOKENS.REVOKED_AT.isNull(), REFRESH_TOKENS.EXPIRES_AT.gt(OffsetDateTime.now()));
        return db.fetchExists(DSL.selectOne().from(USERS)
                .where(USERS.ID.eq(userId), USERS.ACTIVE.isTrue(), DSL.exists(live)));
    }

    /**
     * Sessions revoked after {@code since} for any reason but rotation, each once with its latest
     * revocation, oldest first. "rotated" is spelt as a literal so refresh_tokens_revoked_idx
     * (a partial index on that predicate) serves the query.
     */
    public List<Revocation> revokedSince(DSLContext db, OffsetDateTime since) {
        var revokedAt = DSL.max(REFRESH_TOKENS.REVOKED_AT);
        return db.select(REFRESH_TOKENS.FAMILY_ID, REFRESH_TOKENS.USER_ID, revokedAt)
                .from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.REVOKED_AT.gt(since), REFRESH_TOKENS.REVOKED_REASON.ne(DSL.inline("rotated")))
                .groupBy(REFRESH_TOKENS.FAMILY_ID, REFRESH_TOKENS.USER_ID)
                .orderBy(revokedAt, REFRESH_TOKENS.FAMILY_ID)
                .fetch(r -> new Revocation(r.value1(), r.value2(), r.value3()));
    }

    public Optional<String> serviceClientSecretHash(DSLContext db, String clientId) {
        return db.select(SERVICE_CLIENTS.SECRET_HASH).from(SERVICE_CLIENTS)
                .where(SERVICE_CLIENTS.CLIENT_ID.eq(clientId), SERVICE_CLIENTS.ACTIVE.isTrue())
                .fetchOptional(SERVICE_CLIENTS.SECRET_HASH);
    }

    public boolean serviceClientActive(DSLContext db, String clientId) {
        return db.fetchExists(SERVICE_CLIENTS, SERVICE_CLIENTS.CLIENT_ID.eq(clientId), SERVICE_CLIENTS.ACTIVE.isTrue());
    }

    /** Registers the client with this secret, or gives an existing one this secret and makes it active again. */
    public void upsertServiceClient(DSLContext db, String clientId, String secretHash) {
        var client = new ServiceClientsRecord();
        client.setClientId(clientId);
        client.setSecretHash(secretHash);
        var credentials = new ServiceClientsRecord();
        credentials.setSecretHash(secretHash);
        credentials.setActive(true);
        db.insertInto(SERVICE_CLIENTS)
                .set(client)
                .onConflict(SERVICE_CLIENTS.CLIENT_ID).doUpdate()
                .set(credentials)
                .execute();
    }
}
