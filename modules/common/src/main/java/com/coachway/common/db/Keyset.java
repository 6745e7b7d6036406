package com.coachway.common.db;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.Cursor;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A list's sort order, as keyset paging needs it: a name (written into its cursors, so a cursor
 * of another list or order is refused) and sort fields that end in a unique one (the id), so the
 * order is total and a page can start right after the last row of the one before, the same cost
 * at any depth. Key columns must be NOT NULL. A key that is an expression (lower(name)) must be
 * selected too: see {@link #expressions()}.
 *
 * <p>Where every key sorts the same way the start is a row comparison, {@code (a, b) > (?, ?)},
 * which an index on (a, b) answers as a range; with mixed directions it is the expanded
 * comparison behind a range on the first key, so the index still bounds the scan.
 */
public final class Keyset {
    private final String name;
    private final List<SortField<?>> order;

    private Keyset(String name, List<SortField<?>> order) {
        this.name = name;
        this.order = List.copyOf(order);
    }

    /** @param order the sort fields, most significant first, the last unique */
    public static Keyset of(String name, SortField<?>... order) {
        if (order.length == 0) throw new IllegalArgumentException("a keyset needs at least one sort field");
        return new Keyset(name, List.of(order));
    }

    public String name() {
        return name;
    }

    public List<SortField<?>> order() {
        return order;
    }

    /** The keys that are not plain columns: the query selects them so the last row's keys can be read. */
    public List<Field<?>> expressions() {
        return order.stream().<Field<?>>map(SortField::$field).filter(f -> !(f instanceof TableField)).toList();
    }

    /**
     * One page of the query: its rows after the request's cursor (or offset) in this order,
     * mapped, with the cursor of the next page when there is one (one row more is read to know).
     */
    public <R extends Record, T> Page<T> page(SelectConditionStep<R> query, PageRequest page, long total,
                                              Function<? super R, ? extends T> map) {
        List<R> rows = query.and(after(page))
                .orderBy(order)
                .limit(page.limit() + 1).offset(page.offset())
                .fetch();
        String next = rows.size() > page.limit() ? cursorAfter(rows.get(page.limit() - 1)) : null;
        List<T> items = rows.stream().limit(page.limit()).<T>map(map).toList();
        return new Page<>(items, total, page.limit(), page.offset(), next);
    }

    /** Where the page after the request's cursor starts; no condition without a cursor. 400 for a cursor not of this order. */
    public Condition after(PageRequest page) {
        Cursor cursor = page.after();
        if (cursor == null) return DSL.noCondition();
        if (!cursor.order().equals(name) || cursor.keys().size() != order.size()) {
            throw invalid("was issued for another list or sort order; use the next of a page of this one");
        }
        var values = new ArrayList<Field<?>>();
        for (int i = 0; i < order.size(); i++) values.add(value(order.get(i).$field(), cursor.keys().get(i)));
        return startAfter(values);
    }

    private Condition startAfter(List<Field<?>> values) {
        boolean descending = descending(order.getFirst());
        if (order.stream().allMatch(s -> descending(s) == descending)) {
            var keys = DSL.row(order.stream().map(SortField::$field).toList());
            var cursor = DSL.row(values);
            return descending ? keys.lt(cursor) : keys.gt(cursor);
        }
        // (a after x) or (a = x and b after y) or …, bounded by "a at or after x" for the index
        var alternatives = new ArrayList<Condition>();
        for (int i = 0; i < order.size(); i++) {
            var all = new ArrayList<Condition>();
            for (int j = 0; j < i; j++) all.add(compare(order.get(j), values.get(j), 0));
            all.add(compare(order.get(i), values.get(i), 1));
            alternatives.add(DSL.and(all));
        }
        return compare(order.getFirst(), values.getFirst(), 2).and(DSL.or(alternatives));
    }

    /** how: 0 equal, 1 strictly after, 2 at or after, in the field's sort direction. */
    @SuppressWarnings("unchecked")
    private static Condition compare(SortField<?> sort, Field<?> value, int how) {
        Field<Object> f = (Field<Object>) sort.$field();
        Field<Object> v = (Field<Object>) value;
        boolean desc = descending(sort);
        return switch (how) {
            case 0 -> f.eq(v);
            case 1 -> desc ? f.lt(v) : f.gt(v);
            default -> desc ? f.le(v) : f.ge(v);
        };
    }

    private static boolean descending(SortField<?> s) {
        return s.$sortOrder() == SortOrder.DESC;
    }

    private String cursorAfter(Record last) {
        var keys = new ArrayList<String>();
        for (SortField<?> s : order) {
            Object v = last.get(s.$field());
            if (v == null) throw new IllegalStateException("sort key " + s.$field() + " of " + name + " is null; keyset keys must be NOT NULL");
            keys.add(v.toString());
        }
        return new Cursor(name, keys).encode();
    }

    /** The key as a bind value of the field's type; 400 when the text is not one (a cursor edited by hand). */
    private static Field<?> value(Field<?> field, String text) {
        Class<?> type = field.getType();
        Object v;
        try {
            if (type == String.class) v = text;
            else if (type == UUID.class) v = Ids.parse(text);
            else if (type == OffsetDateTime.class) v = OffsetDateTime.parse(text);
            else if (type == LocalDate.class) v = LocalDate.parse(text);
            else if (type == Integer.class) v = Integer.valueOf(text);
            else if (type == Long.class) v = Long.valueOf(text);
            else if (type == BigDecimal.class) v = new BigDecimal(text);
            else if (type == Boolean.class) v = "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
            else throw new IllegalStateException("keyset keys of type " + type.getName() + " are not supported");
        } catch (NumberFormatException | DateTimeParseException e) {
            v = null;
        }
        if (v == null) throw invalid("must be the next cursor of an earlier page of this list");
        return DSL.val(v, field);
    }

    private static ApiException invalid(String message) {
        return ApiException.validation(List.of(new FieldError("after", message)));
    }
}
