package com.coachway.portals.downstream;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Query;

import java.util.List;

import static com.coachway.common.client.ServiceClient.encode;

/**
 * A portal list's limit, offset and after, passed on to the owning service's list as they are:
 * the cursor is that service's own (we never decode it), so a page here is a view of its page.
 */
public record Paging(int limit, int offset, String after) {

    /** Reads them (their ranges are the contract's) and validates the query. */
    public static Paging read(Query q, int defaultLimit) {
        int limit = q.integer("limit", defaultLimit);
        int offset = q.integer("offset", 0);
        String after = q.string("after");
        q.validate();
        // every owning service refuses the two together; saying so here saves the call
        if (after != null && offset > 0) {
            throw ApiException.validation(List.of(new FieldError("after", "cannot be combined with offset; the cursor already says where the page starts")));
        }
        return new Paging(limit, offset, after);
    }

    /** {@code limit=..[&offset=..][&after=..]} for the owning service's list. */
    public String query() {
        var s = new StringBuilder("limit=").append(limit);
        if (offset > 0) s.append("&offset=").append(offset);
        if (after != null) s.append("&after=").append(encode(after));
        return s.toString();
    }
}
