package com.coachway.common.http;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Query parameters read with the same collect-then-400 discipline as bodies. The contract has
 * already checked each one's type, range, length and allowed values; these readers only turn the
 * text into values (and refuse what no schema can: a NUL, a cursor that does not decode).
 */
public final class Query {
    public static final int DEFAULT_LIMIT = 50;

    private final Context ctx;
    private final List<FieldError> errors = new ArrayList<>();

    private Query(Context ctx) {
        this.ctx = ctx;
    }

    public static Query of(Context ctx) {
        return new Query(ctx);
    }

    /** The stripped value, null when absent or blank. Its length and allowed values are the contract's. */
    public String string(String name) {
        return text(name, "must be text without NUL characters");
    }

    /**
     * The stripped value, null when absent or blank; a NUL, which no schema can refuse and no
     * column can store, adds {@code problem}. Typed readers pass their own problem, so
     * "?active=maybe1" says "must be true or false".
     */
    private String text(String name, String problem) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        return v.strip();
    }

    public Boolean bool(String name) {
        String problem = "must be true or false";
        String v = text(name, problem);
        if (v == null) return null;
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(name, problem));
                yield null;
            }
        };
    }

    public UUID uuid(String name) {
        String problem = "must be a UUID";
        String v = text(name, problem);
        if (v == null) return null;
        UUID id = Ids.parse(v);
        if (id == null) errors.add(new FieldError(name, problem));
        return id;
    }

    public LocalDate date(String name) {
        String problem = "must be a date, YYYY-MM-DD";
        String v = text(name, problem);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, problem));
            return null;
        }
    }

    /** A whole number, {@code defaultValue} when absent; its range is the contract's. */
    public int integer(String name, int defaultValue) {
        String problem = "must be a whole number";
        String v = text(name, problem);
        if (v == null) return defaultValue;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, problem));
            return defaultValue;
        }
    }

    /**
     * limit, offset and after (the {@code next} of an earlier page). A cursor says where its page
     * starts, so an offset with it is refused rather than guessed at. Whether the cursor belongs
     * to this list and order is for the list's keyset to say.
     */
    public PageRequest page() {
        int limit = integer("limit", DEFAULT_LIMIT);
        int offset = integer("offset", 0);
        String problem = "must be the next cursor of an earlier page of this list";
        String text = text("after", problem);
        Cursor after = null;
        if (text != null) {
            after = Cursor.decode(text).orElse(null);
            if (after == null) errors.add(new FieldError("after", problem));
            else if (offset > 0) errors.add(new FieldError("after", "cannot be combined with offset; the cursor already says where the page starts"));
        }
        return new PageRequest(limit, offset, after);
    }

    public void validate() {
        if (!errors.isEmpty()) throw ApiException.validation(errors);
    }
}
