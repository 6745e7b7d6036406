package com.coachway.testkit;

import com.coachway.common.http.Cursor;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same checks of keyset paging for every list endpoint: following {@code next} visits the
 * rows the offset pages show, each once and in the same order, filters applied; a bad cursor, or
 * one with an offset, is a 400 naming {@code after}.
 */
public final class KeysetPaging {
    private KeysetPaging() {
    }

    /**
     * Walks the list by offset and by cursor and asserts both give the same rows.
     *
     * @param request a fresh authorized request per call, e.g. {@code () -> svc.api().auth().oauth2(token)}
     * @param params  the list's filters and sort
     * @param limit   small enough that the list takes several pages
     * @param idField what names an item, e.g. "id" or "code"
     * @return the items' ids in list order
     */
    public static List<Object> assertWalkMatchesOffsets(Supplier<RequestSpecification> request, String path,
                                                        Map<String, ?> params, int limit, String idField) {
        var byOffset = new ArrayList<Object>();
        long total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += limit) {
            Response r = get(request, path, params, Map.of("limit", limit, "offset", offset));
            if (total < 0) total = r.jsonPath().getLong("total");
            assertEquals(total, r.jsonPath().getLong("total"), "total of page at offset " + offset);
            byOffset.addAll(r.jsonPath().getList("items." + idField));
        }
        long rows = total;
        assertTrue(byOffset.size() > limit, () -> path + " " + params + " must take more than one page to show anything; has " + rows);

        var byCursor = new ArrayList<Object>();
        String after = null;
        for (int pages = 0; pages == 0 || after != null; pages++) {
            assertTrue(pages <= total / limit + 1, "following next must end");
            Response r = get(request, path, params, after == null ? Map.of("limit", limit) : Map.of("limit", limit, "after", after));
            assertEquals(total, r.jsonPath().getLong("total"), "total of a page by cursor");
            assertEquals(0, r.jsonPath().getInt("offset"));
            byCursor.addAll(r.jsonPath().getList("items." + idField));
            after = r.jsonPath().getString("next");
        }

        assertEquals(byOffset, byCursor, path + " " + params + ": by cursor as by offset");
        assertEquals(total, byCursor.size());
        assertEquals(byCursor.size(), new HashSet<>(byCursor).size(), "each row once");
        return byCursor;
    }

    /** A garbage, truncated or edited cursor, one of another list, and a cursor with an offset are each a 400 naming after. */
    public static void assertBadCursorsRefused(Supplier<RequestSpecification> request, String path, Map<String, ?> params) {
        Response first = get(request, path, params, Map.of("limit", 1));
        String next = first.jsonPath().getString("next");
        assertNotNull(next, path + " needs a second page for this check");
        Cursor cursor = Cursor.decode(next).orElseThrow();
        var extraKey = new ArrayList<>(cursor.keys());
        extraKey.add("x");
        for (String bad : List.of("garbage", next.substring(0, next.length() - 3), "x" + next,
                new Cursor(cursor.order() + "-other", cursor.keys()).encode(), new Cursor(cursor.order(), extraKey).encode())) {
            refused(get(request, path, params, Map.of("after", bad), 400), bad);
        }
        refused(get(request, path, params, Map.of("after", next, "offset", 1), 400), "with offset");
        assertNull(get(request, path, params, Map.of("limit", 200)).jsonPath().getString("next"), "the last page has no next");
    }

    private static void refused(Response r, String what) {
        assertEquals("application/problem+json", r.contentType().split(";")[0], what);
        assertTrue(r.jsonPath().getList("errors.field").contains("after"), () -> what + ": " + r.asString());
    }

    private static Response get(Supplier<RequestSpecification> request, String path, Map<String, ?> params, Map<String, ?> paging) {
        return get(request, path, params, paging, 200);
    }

    private static Response get(Supplier<RequestSpecification> request, String path, Map<String, ?> params, Map<String, ?> paging,
                                int status) {
        Response r = request.get().queryParams(params).queryParams(paging).get(path);
        assertEquals(status, r.statusCode(), () -> path + " " + params + " " + paging + ": " + r.asString());
        return r;
    }
}
