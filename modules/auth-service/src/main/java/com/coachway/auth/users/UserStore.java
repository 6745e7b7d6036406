package com.coachway.auth.users;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.auth.tables.records.UserRolesRecord;
import com.coachway.db.auth.tables.records.UsersRecord;
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

/** The jOOQ queries for users and their role grants, each run on the DSLContext it is given. */
public final class UserStore {
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

    public Optional<Credentials> credentials(DSLContext db, String email) {
        return db.select(USERS.asterisk(), ROLES).from(USERS)
                .where(DSL.lower(USERS.EMAIL).eq(email.toLowerCase()))
                .fetchOptional(r -> new Credentials(toUser(r), r.get(USERS.PASSWORD_HASH)));
    }

    public Optional<Credentials> credentials(DSLContext db, UUID id) {
        return db.select(USERS.asterisk(), ROLES).from(USERS).where(USERS.ID.eq(id))
                .fetchOptional(r -> new Credentials(toUser(r), r.get(USERS.PASSWORD_HASH)));
    }

    public Optional<User> find(DSLContext db, UUID id) {
        return db.select(USERS.asterisk(), ROLES).from(USERS).where(USERS.ID.eq(id)).fetchOptional(UserStore::toUser);
    }

    /** The user row locked for an update in this transaction. */
    public Optional<User> lock(DSLContext tx, UUID id) {
        return tx.select(USERS.asterisk(), ROLES).from(USERS).where(USERS.ID.eq(id)).forUpdate().of(USERS)
                .fetchOptional(UserStore::toUser);
    }

    public record Filter(String q, String role, Boolean active) {
    }

    private static final Keyset BY_EMAIL = Keyset.of("users", DSL.lower(USERS.EMAIL).asc(), USERS.ID.asc());

    public Page<User> list(DSLContext dsl, Filter filter, PageRequest page) {
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

    private static UsersRecord newUser(UUID id, String email, String fullName, String passwordHash) {
        var r = new UsersRecord();
        r.setId(id);
        r.setEmail(email);
        r.setFullName(fullName);
        r.setPasswordHash(passwordHash);
        return r;
    }

    public void insert(DSLContext tx, UUID id, String email, String fullName, String passwordHash, List<String> roles,
                       UUID clientId, UUID vendorId, UUID driverId) {
        var r = newUser(id, email, fullName, passwordHash);
        r.setClientId(clientId);
        r.setVendorId(vendorId);
        r.setDriverId(driverId);
        tx.insertInto(USERS).set(r).execute();
        setRoles(tx, id, roles);
    }

    /** Inserts unless the email exists (any case); true when inserted. Safe for replicas starting together. */
    public boolean insertIfAbsent(DSLContext tx, UUID id, String email, String fullName, String passwordHash, List<String> roles) {
        int inserted = tx.insertInto(USERS)
                .set(newUser(id, email, fullName, passwordHash))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) setRoles(tx, id, roles);
        return inserted == 1;
    }

    /** Replaces the user's role grants with these. */
    public void setRoles(DSLContext tx, UUID userId, List<String> roles) {
        tx.deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
        if (roles.isEmpty()) return;
        var grants = roles.stream().map(role -> new UserRolesRecord(userId, role)).toList();
        var insert = tx.insertInto(USER_ROLES).set(grants.getFirst());
        for (var grant : grants.subList(1, grants.size())) insert = insert.newRecord().set(grant);
        insert.execute();
    }

    public record Change(String email, String fullName, String passwordHash, Boolean active,
                         UUID clientId, UUID vendorId, UUID driverId) {
    }

    /** Applies the change and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, UUID id, Change c) {
        var r = new UsersRecord();
        r.setEmail(c.email());
        r.setFullName(c.fullName());
        if (c.passwordHash() != null) r.setPasswordHash(c.passwordHash()); // null: keeps the password
        r.setActive(c.active());
        r.setClientId(c.clientId());
        r.setVendorId(c.vendorId());
        r.setDriverId(c.driverId());
        tx.update(USERS)
                .set(r)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void setPassword(DSLContext tx, UUID id, String passwordHash) {
        var r = new UsersRecord();
        r.setPasswordHash(passwordHash);
        tx.update(USERS)
                .set(r)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.ID.eq(id)).execute();
    }

    public void recordLogin(DSLContext db, UUID id) {
        var r = new UsersRecord();
        r.setLastLoginAt(OffsetDateTime.now());
        db.update(USERS).set(r).where(USERS.ID.eq(id)).execute();
    }

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

    /**
     * Active admins other than this one, with their rows locked: two admins demoting each other at
     * the same moment serialize here, so one of them always remains.
     */
    public int lockOtherActiveAdmins(DSLContext tx, UUID exceptId) {
        return tx.select(USERS.ID).from(USERS)
                .where(USERS.ACTIVE.isTrue(), USERS.ID.ne(exceptId),
                        DSL.exists(DSL.selectOne().from(USER_ROLES)
                                .where(USER_ROLES.USER_ID.eq(USERS.ID), USER_ROLES.ROLE_NAME.eq("admin"))))
                .forUpdate().of(USERS)
                .fetch().size();
    }
}
