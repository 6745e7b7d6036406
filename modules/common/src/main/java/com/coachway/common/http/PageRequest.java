package com.coachway.common.http;

import java.util.List;

/** limit/offset of a list request; {@link #of} wraps a page of results in the list envelope. */
public record PageRequest(int limit, int offset) {
    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, total, limit, offset);
    }

    /** The list envelope every list endpoint answers with. */
    public record Page<T>(List<T> items, long total, int limit, int offset) {
    }
}
