package com.coachway.charter.charters;

import org.jooq.DSLContext;

import java.util.UUID;

/** What a change of a charter's terms does to its quotes; implemented by the quotes store. */
public interface OpenQuotes {
    /** Every draft or sent quote of the charter becomes superseded; returns how many. */
    int supersedeAll(DSLContext tx, UUID charterId);
}
