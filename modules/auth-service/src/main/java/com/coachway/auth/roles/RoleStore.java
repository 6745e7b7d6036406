package com.coachway.auth.roles;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.auth.tables.records.RolePermissionsRecord;
import com.coachway.db.auth.tables.records.RolesRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static com.coachway.db.auth.Tables.PERMISSIONS;
import static com.coachway.db.auth.Tables.ROLES;
import static com.coachway.db.auth.Tables.ROLE_PERMISSIONS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

/** The jOOQ queries for roles and permissions, each run on the DSLContext it is given. */
public final class RoleStore {
    private static final Field<List<String>> PERMS = multiset(
            select(ROLE_PERMISSIONS.PERMISSION_CODE).from(ROLE_PERMISSIONS)
                    .where(ROLE_PERMISSIONS.ROLE_NAME.eq(ROLES.NAME)).orderBy(ROLE_PERMISSIONS.PERMISSION_CODE))
            .as("permissions").convertFrom(r -> r.map(Record1::value1));

    private static RoleView toView(Record r) {
        return new RoleView(r.get(ROLES.NAME), r.get(ROLES.DESCRIPTION), r.get(ROLES.BUILT_IN), r.get(PERMS));
    }

    private static final Keyset BY_NAME = Keyset.of("roles", ROLES.NAME.asc());

    public Page<RoleView> list(DSLContext dsl, PageRequest page) {
        int total = dsl.fetchCount(ROLES);
        return BY_NAME.page(dsl.select(ROLES.asterisk(), PERMS).from(ROLES).where(), page, total, RoleStore::toView);
    }

    public Optional<RoleView> find(DSLContext tx, String name) {
        return tx.select(ROLES.asterisk(), PERMS).from(ROLES).where(ROLES.NAME.eq(name)).fetchOptional(RoleStore::toView);
    }

    public Optional<RoleView> lock(DSLContext tx, String name) {
        return tx.select(ROLES.asterisk(), PERMS).from(ROLES).where(ROLES.NAME.eq(name)).forUpdate().of(ROLES)
                .fetchOptional(RoleStore::toView);
    }

    /** The names among these that are not roles. */
    public Set<String> unknownRoles(DSLContext tx, Collection<String> names) {
        var unknown = new TreeSet<>(names);
        unknown.removeAll(tx.select(ROLES.NAME).from(ROLES).where(ROLES.NAME.in(names)).fetch(ROLES.NAME));
        return unknown;
    }

    /** The codes among these that are not permissions. */
    public Set<String> unknownPermissions(DSLContext tx, Collection<String> codes) {
        var unknown = new TreeSet<>(codes);
        unknown.removeAll(tx.select(PERMISSIONS.CODE).from(PERMISSIONS).where(PERMISSIONS.CODE.in(codes)).fetch(PERMISSIONS.CODE));
        return unknown;
    }

    /** False when the name is taken (also by a concurrent create). */
    public boolean insert(DSLContext tx, String name, String description) {
        var r = new RolesRecord();
        r.setName(name);
        r.setDescription(description);
        return tx.insertInto(ROLES).set(r).onConflictDoNothing().execute() == 1;
    }

    public void setPermissions(DSLContext tx, String role, Collection<String> codes) {
        tx.deleteFrom(ROLE_PERMISSIONS).where(ROLE_PERMISSIONS.ROLE_NAME.eq(role)).execute();
        if (codes.isEmpty()) return;
        var grants = codes.stream().map(code -> new RolePermissionsRecord(role, code)).toList();
        var insert = tx.insertInto(ROLE_PERMISSIONS).set(grants.getFirst());
        for (var grant : grants.subList(1, grants.size())) insert = insert.newRecord().set(grant);
        insert.execute();
    }

    public record PermissionView(String code, String description) {
    }

    private static final Keyset BY_CODE = Keyset.of("permissions", PERMISSIONS.CODE.asc());

    public Page<PermissionView> permissions(DSLContext dsl, PageRequest page) {
        int total = dsl.fetchCount(PERMISSIONS);
        return BY_CODE.page(dsl.selectFrom(PERMISSIONS).where(), page, total, r -> new PermissionView(r.getCode(), r.getDescription()));
    }
}
