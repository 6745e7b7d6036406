package com.coachway.charter.charters;

import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The quote a charter shows as its current one; implemented by the quotes store. Charters only
 * carry it to the API: the quotes feature owns its shape, which is written as it is.
 */
public interface CurrentQuotes {
    /** A quote as the API shows it (the quotes feature's record). */
    interface View {
    }

    /** The current quote of each charter that has one — the accepted one, else the latest version — in one statement. */
    Map<UUID, ? extends View> currentFor(DSLContext ctx, Collection<UUID> charterIds);
}
