package com.coachway.common.http;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Query parameters read with the same collect-then-400 discipline as bodies. */
public final class Query {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final Context ctx;
    private final List<FieldError> errors = new ArrayList<>();

    private Query(Context ctx) {
        this.ctx = ctx;
    }

    public static Query of(Context ctx) {
        return new Query(ctx);
    }

    public String string(String name, int maxLength) {
        return text(name, maxLength, "must be at most " + maxLength + " characters of text");
    }

    /**
     * The stripped value, null when absent or blank; too long or with NUL adds {@code problem}.
     * Typed readers pass their own problem, so "?active=maybe1" says "must be true or false".
     */
    private String text(String name, int maxLength, String problem) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > maxLength || v.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        return v.strip();
    }

    public String oneOf(String name, Collection<String> allowed) {
        String problem = "must be one of " + String.join(", ", allowed);
        String v = text(name, 100, problem);
        if (v != null && !allowed.contains(v)) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        return v;
    }

    public Boolean bool(String name) {
        String problem = "must be true or false";
        String v = text(name, 5, problem);
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
        String v = text(name, 36, problem);
        if (v == null) return null;
        UUID id = Ids.parse(v);
        if (id == null) errors.add(new FieldError(name, problem));
        return id;
    }

    public LocalDate date(String name) {
        String problem = "must be a date, YYYY-MM-DD";
        String v = text(name, 10, problem);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, problem));
            return null;
        }
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String v = text(name, 12, "must be a whole number between " + min + " and " + max);
        if (v == null) return defaultValue;
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) return i;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number between " + min + " and " + max));
        return defaultValue;
    }

    /**
     * limit, offset and after (the {@code next} of an earlier page). A cursor says where its page
     * starts, so an offset with it is refused rather than guessed at. Whether the cursor belongs
     * to this list and order is for the list's keyset to say.
     */
    public PageRequest page() {
        int limit = integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer("offset", 0, 0, 10_000_000);
        String problem = "must be the next cursor of an earlier page of this list";
        String text = text("after", Cursor.MAX_LENGTH, problem);
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
