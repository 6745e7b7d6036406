package com.coachway.common.outbox;

import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The columns of {@code <schema>.outbox} (outbox.sql.txt), declared by hand because common
 * cannot see any service's generated jOOQ classes.
 */
final class OutboxTable {
    static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    static final Field<String> TOPIC = DSL.field(DSL.name("topic"), SQLDataType.CLOB);
    static final Field<JSONB> PAYLOAD = DSL.field(DSL.name("payload"), SQLDataType.JSONB);
    static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    static final Field<Integer> ATTEMPTS = DSL.field(DSL.name("attempts"), SQLDataType.INTEGER);
    static final Field<OffsetDateTime> NEXT_ATTEMPT_AT = DSL.field(DSL.name("next_attempt_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> LAST_ERROR = DSL.field(DSL.name("last_error"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> DELIVERED_AT = DSL.field(DSL.name("delivered_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> LEASED_UNTIL = DSL.field(DSL.name("leased_until"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    /** The wall clock at the moment of the statement; now() would be the transaction's start. */
    static final Field<OffsetDateTime> CLOCK_NOW = DSL.field("clock_timestamp()", SQLDataType.TIMESTAMPWITHTIMEZONE);

    private OutboxTable() {
    }

    static Table<Record> in(String schema) {
        return DSL.table(DSL.name(schema, "outbox"));
    }

    static Field<OffsetDateTime> clockNowPlusMillis(long millis) {
        return DSL.field("clock_timestamp() + {0} * interval '1 millisecond'", SQLDataType.TIMESTAMPWITHTIMEZONE, DSL.val(millis));
    }
}
