package com.coachway.common.idempotency;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The columns of {@code <schema>.request_key} (request_key.sql.txt), declared by hand because
 * common cannot see any service's generated jOOQ classes.
 */
final class RequestKeyTable {
    static final Field<String> CALLER = DSL.field(DSL.name("caller"), SQLDataType.CLOB);
    static final Field<String> OPERATION = DSL.field(DSL.name("operation"), SQLDataType.CLOB);
    static final Field<String> KEY = DSL.field(DSL.name("key"), SQLDataType.CLOB);
    static final Field<String> FINGERPRINT = DSL.field(DSL.name("fingerprint"), SQLDataType.CLOB);
    static final Field<UUID> RESOURCE_ID = DSL.field(DSL.name("resource_id"), SQLDataType.UUID);
    static final Field<OffsetDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private RequestKeyTable() {
    }

    static Table<Record> in(String schema) {
        return DSL.table(DSL.name(schema, "request_key"));
    }
}
