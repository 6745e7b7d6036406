package com.coachway.auth.users;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.auth.Tables.USERS;
import static com.coachway.db.auth.Tables.USER_ROLES;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

/** The jOOQ queries for users and their role grants. Methods taking a DSLContext run in the caller's transaction. */
public final class UserStore {
    private final DSLContext dsl;

    public UserStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What login needs: the hash and the claims. Empty for an unknown email (any case). */
    public record Credentials(User user, String passwordHash) {
    }

    private static final Field<List<String>> ROLES = multiset(
            select(USER_ROLES.ROLE_NAME).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(USERS.ID)).orderBy(USER_ROLES.ROLE_NAME))
            .as("roles").convertFrom(r -> r.map(Record1::value1));

    private static User toUser(Record r) {
        return new User(r.get(USERS.ID), r.get(USERS.EMAIL), r.get(USERS.FULL_NAME), r.get(ROLES), r.get(USERS.ACTIVE),
                r.get(USERS.CLIENT_ID), r.get(USERS.VENDOR_ID), r.get(USERS.DRIVER_ID), r.get(USERS.LAST_LOGIN_AT),
                r.get(USERS.VERSION), r.get(USERS.CREATED_AT), r.get(USERS.UPDATED_AT));
    }

    public Optional<Credentials> credentials(String email) {
        return dsl.select(USERS.asterisk(), ROLES).from(USERS)
                .where(DSL.lower(USERS.EMAIL).eq(email.toLowerCase()))
                .fetchOptional(r -> new Credentials(toUser(r), r.get(USERS.PASSWORD_HASH)));
    }

    public Optional<Credentials> credentials(UUID id) {
        return dsl.select(USERS.asterisk(), ROLES).from(USERS).where(USERS.ID.eq(id))
                .fetchOptional(r -> new Credentials(toUser(r), r.get(USERS.PASSWORD_HASH)));
    }

    public Optional<User> find(UUID id) {
        return find(dsl, id);
    }

    public Optional<User> find(DSLContext tx, UUID id) {
        return tx.select(USERS.asterisk(), ROLES).from(USERS).where(USERS.ID.eq(id)).fetchOptional(UserStore::toUser);
    }

    /** The user row locked for an update in this transaction. */
    public Optional<User> lock(DSLContext tx, UUID id) {
        return tx.select(USERS.asterisk(), ROLES).from(USERS).where(USERS.ID.eq(id)).forUpdate().of(USERS)
                .fetchOptional(UserStore::toUser);
    }

    public record Filter(String q, String role, Boolean active) {
    }

    private static final Keyset BY_EMAIL = Keyset.of("users", DSL.lower(USERS.EMAIL).asc(), USERS.ID.asc());

    public Page<User> list(Filter filter, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (filter.q() != null) {
            String like = "%" + filter.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(DSL.lower(USERS.EMAIL).like(like, '\\').or(DSL.lower(USERS.FULL_NAME).like(like, '\\')));
        }
        if (filter.role() != null) {
            conditions.add(DSL.exists(DSL.selectOne().from(USER_ROLES)
                    .where(USER_ROLES.USER_ID.eq(USERS.ID), USER_ROLES.ROLE_NAME.eq(filter.role()))));
        }
        if (filter.active() != null) conditions.add(USERS.ACTIVE.eq(filter.active()));
        Condition where = DSL.and(conditions);
        int total = dsl.fetchCount(USERS, where);
        return BY_EMAIL.page(dsl.select(USERS.asterisk(), ROLES).select(BY_EMAIL.expressions()).from(USERS).where(where),
                page, total, UserStore::toUser);
    }

    public boolean emailTaken(DSLContext tx, String email, UUID exceptId) {
        var cond = DSL.lower(USERS.EMAIL).eq(email.toLowerCase());
        if (exceptId != null) cond = cond.and(USERS.ID.ne(exceptId));
        return tx.fetchExists(USERS, cond);
    }

    public void insert(DSLContext tx, UUID id, String email, String fullName, String passwordHash, List<String> roles,
                       UUID clientId, UUID vendorId, UUID driverId) {
        tx.insertInto(USERS)
                .set(USERS.ID, id).set(USERS.EMAIL, email).set(USERS.FULL_NAME, fullName)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.CLIENT_ID, clientId).set(USERS.VENDOR_ID, vendorId).set(USERS.DRIVER_ID, driverId)
                .execute();
        setRoles(tx, id, roles);
    }

    /** Inserts unless the email exists (any case); true when inserted. Safe for replicas starting together. */
    public boolean insertIfAbsent(DSLContext tx, UUID id, String email, String fullName, String passwordHash, List<String> roles) {
        int inserted = tx.insertInto(USERS)
                .set(USERS.ID, id).set(USERS.EMAIL, email).set(USERS.FULL_NAME, fullName).set(USERS.PASSWORD_HASH, passwordHash)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) setRoles(tx, id, roles);
        return inserted == 1;
    }

    public void setRoles(DSLContext tx, UUID userId, List<String> roles) {
        tx.deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
        var insert = tx.insertInto(USER_ROLES, USER_ROLES.USER_ID, USER_ROLES.ROLE_NAME);
        for (String role : roles) insert = insert.values(userId, role);
        insert.execute();
    }

    public record Change(String email, String fullName, String passwordHash, Boolean active,
                         UUID clientId, UUID vendorId, UUID driverId) {
    }

    /** Applies the change and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, UUID id, Change c) {
        tx.update(USERS)
                .set(USERS.EMAIL, c.email())
                .set(USERS.FULL_NAME, c.fullName())
                .set(USERS.PASSWORD_HASH, c.passwordHash() == null ? USERS.PASSWORD_HASH : DSL.val(c.passwordHash()))
                .set(USERS.ACTIVE, c.active())
                .set(USERS.CLIENT_ID, c.clientId()).set(USERS.VENDOR_ID, c.vendorId()).set(USERS.DRIVER_ID, c.driverId())
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void setPassword(DSLContext tx, UUID id, String passwordHash) {
        tx.update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.ID.eq(id)).execute();
    }

    public void recordLogin(UUID id) {
        dsl.update(USERS).set(USERS.LAST_LOGIN_AT, OffsetDateTime.now()).where(USERS.ID.eq(id)).execute();
    }

    /**
     * Active admins other than this one, with their rows locked: two admins demoting each other at
     * the same moment serialize here, so one of them always remains.
     */
    /**
     * Locks the user and every active admin, in id order, before anything else in a change that
     * may remove an admin: two admins demoting each other then queue instead of deadlocking, and
     * the second sees the first's result (and is refused as the last admin).
     */
    public void lockUserAndActiveAdmins(DSLContext tx, UUID id) {
        tx.select(USERS.ID).from(USERS)
                .where(USERS.ID.eq(id).or(USERS.ACTIVE.isTrue().and(DSL.exists(DSL.selectOne().from(USER_ROLES)
                        .where(USER_ROLES.USER_ID.eq(USERS.ID), USER_ROLES.ROLE_NAME.eq("admin"))))))
                .orderBy(USERS.ID)
                .forUpdate()
                .fetch();
    }

    public int lockOtherActiveAdmins(DSLContext tx, UUID exceptId) {
        return tx.select(USERS.ID).from(USERS)
                .where(USERS.ACTIVE.isTrue(), USERS.ID.ne(exceptId),
                        DSL.exists(DSL.selectOne().from(USER_ROLES)
                                .where(USER_ROLES.USER_ID.eq(USERS.ID), USER_ROLES.ROLE_NAME.eq("admin"))))
                .forUpdate().of(USERS)
                .fetch().size();
    }
}
