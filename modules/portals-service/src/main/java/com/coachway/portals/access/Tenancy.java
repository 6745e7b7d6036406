package com.coachway.portals.access;

import com.coachway.portals.downstream.Items;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Defence in depth: the neighbours already limit what a portal user's token reads (tenancy is in
 * their WHERE), and a page shows only items whose owner field is the caller's own as well. An item
 * that is not is dropped and logged as the bug it would be.
 */
public final class Tenancy {
    private static final Logger log = LoggerFactory.getLogger(Tenancy.class);

    private Tenancy() {
    }

    /** The items whose {@code field} equals {@code own}. */
    public static List<Map<String, Object>> keepOwn(List<Map<String, Object>> items, String field, UUID own, String what) {
        return items.stream().filter(item -> isOwn(item, field, own, what)).toList();
    }

    /** Whether {@code item}'s {@code field} is {@code own}; logs one that is not. */
    public static boolean isOwn(Map<String, Object> item, String field, UUID own, String what) {
        boolean mine = item != null && Objects.equals(own.toString(), Items.text(item, field));
        if (!mine && item != null) {
            log.warn("dropped a {} {} whose {} is {}, not the caller's {}", what, Items.text(item, "id"), field, Items.text(item, field), own);
        }
        return mine;
    }
}
