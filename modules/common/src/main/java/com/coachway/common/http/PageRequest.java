package com.coachway.common.http;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What page of a list is asked for: at most {@code limit} rows, starting after the cursor
 * {@code after} (keyset paging, the same cost at any depth) or after skipping {@code offset} rows
 * (for small jumps: the database reads every row it skips). Never both: {@link Query#page} refuses that.
 * {@code com.coachway.common.db.Keyset} runs it and wraps the rows in a {@link Page}.
 */
public record PageRequest(int limit, int offset, Cursor after) {
    public PageRequest(int limit, int offset) {
        this(limit, offset, null);
    }

    /**
     * The list envelope every list endpoint answers with; {@code next} is the cursor of the page
     * after this one, null on the last page. {@code total} counts the whole filtered list.
     */
    public record Page<T>(List<T> items, long total, int limit, int offset, String next) {
        /** The same page with its items replaced (e.g. completed with data from a second query). */
        public Page<T> withItems(UnaryOperator<List<T>> change) {
            return new Page<>(change.apply(items), total, limit, offset, next);
        }
    }
}
