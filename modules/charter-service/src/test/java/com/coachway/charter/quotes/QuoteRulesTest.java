package com.coachway.charter.quotes;

import com.coachway.charter.charters.CharterStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static com.coachway.charter.quotes.QuoteStatus.ACCEPTED;
import static com.coachway.charter.quotes.QuoteStatus.DRAFT;
import static com.coachway.charter.quotes.QuoteStatus.EXPIRED;
import static com.coachway.charter.quotes.QuoteStatus.REJECTED;
import static com.coachway.charter.quotes.QuoteStatus.SENT;
import static com.coachway.charter.quotes.QuoteStatus.SUPERSEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteRulesTest {
    static final OffsetDateTime MADE = OffsetDateTime.parse("2026-03-01T10:00:00Z");
    static final OffsetDateTime VALID_UNTIL = QuoteRules.validUntil(MADE);
    static final Instant BEFORE = VALID_UNTIL.toInstant().minusSeconds(1);
    static final Instant AT = VALID_UNTIL.toInstant();

    static QuoteRules.QuoteState quote(QuoteStatus s, int version, int latest) {
        return new QuoteRules.QuoteState(s, VALID_UNTIL, version, latest);
    }

    @Test
    void a_quote_is_valid_for_fourteen_days() {
        assertEquals(OffsetDateTime.parse("2026-03-15T10:00:00Z"), VALID_UNTIL);
    }

    @Test
    void an_open_quote_reads_as_expired_from_the_moment_its_validity_ends() {
        assertEquals(DRAFT, QuoteRules.effectiveStatus(DRAFT, VALID_UNTIL, BEFORE));
        assertEquals(SENT, QuoteRules.effectiveStatus(SENT, VALID_UNTIL, BEFORE));
        assertEquals(EXPIRED, QuoteRules.effectiveStatus(DRAFT, VALID_UNTIL, AT));
        assertEquals(EXPIRED, QuoteRules.effectiveStatus(SENT, VALID_UNTIL, AT.plusSeconds(86_400)));
    }

    @Test
    void a_final_quote_keeps_its_status_after_its_validity_ends() {
        for (QuoteStatus s : new QuoteStatus[]{ACCEPTED, REJECTED, SUPERSEDED, EXPIRED}) {
            assertEquals(s, QuoteRules.effectiveStatus(s, VALID_UNTIL, AT.plusSeconds(1)), s.code());
        }
    }

    @Test
    void quotes_are_made_while_the_charter_is_being_sold_and_needs_miles_unless_hourly() {
        assertEquals(Optional.empty(), QuoteRules.refusalToQuote(CharterStatus.INQUIRY, "one_way", 120));
        assertEquals(Optional.empty(), QuoteRules.refusalToQuote(CharterStatus.QUOTED, "round_trip", 0));
        assertEquals(Optional.empty(), QuoteRules.refusalToQuote(CharterStatus.INQUIRY, "hourly", null));
        assertTrue(QuoteRules.refusalToQuote(CharterStatus.INQUIRY, "one_way", null).orElseThrow().contains("miles"));
        for (CharterStatus s : new CharterStatus[]{CharterStatus.BOOKED, CharterStatus.CONFIRMED, CharterStatus.IN_PROGRESS,
                CharterStatus.COMPLETED, CharterStatus.CANCELLED}) {
            assertTrue(QuoteRules.refusalToQuote(s, "one_way", 10).orElseThrow().contains("is " + s.code()), s.code());
        }
    }

    @Test
    void only_the_latest_unexpired_draft_is_sent_and_only_while_selling() {
        assertEquals(Optional.empty(), QuoteRules.refusalToSend(quote(DRAFT, 2, 2), CharterStatus.INQUIRY, BEFORE));
        assertEquals(Optional.empty(), QuoteRules.refusalToSend(quote(DRAFT, 2, 2), CharterStatus.QUOTED, BEFORE));
        assertEquals("The quote is already sent", QuoteRules.refusalToSend(quote(SENT, 2, 2), CharterStatus.QUOTED, BEFORE).orElseThrow());
        assertTrue(QuoteRules.refusalToSend(quote(DRAFT, 2, 2), CharterStatus.QUOTED, AT).orElseThrow().contains("is expired"));
        assertTrue(QuoteRules.refusalToSend(quote(DRAFT, 1, 2), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("version 2 is the latest"));
        assertTrue(QuoteRules.refusalToSend(quote(SUPERSEDED, 1, 2), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("is superseded"));
        assertTrue(QuoteRules.refusalToSend(quote(DRAFT, 1, 1), CharterStatus.CANCELLED, BEFORE).orElseThrow().contains("charter is cancelled"));
        assertTrue(QuoteRules.refusalToSend(quote(ACCEPTED, 1, 1), CharterStatus.BOOKED, BEFORE).orElseThrow().contains("is accepted"));
    }

    @Test
    void only_the_latest_unexpired_sent_quote_of_a_quoted_charter_is_accepted() {
        assertEquals(Optional.empty(), QuoteRules.refusalToAccept(quote(SENT, 3, 3), CharterStatus.QUOTED, BEFORE));
        assertTrue(QuoteRules.refusalToAccept(quote(SENT, 3, 3), CharterStatus.QUOTED, AT).orElseThrow().contains("is expired"));
        assertTrue(QuoteRules.refusalToAccept(quote(EXPIRED, 3, 3), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("is expired"));
        assertTrue(QuoteRules.refusalToAccept(quote(SUPERSEDED, 2, 3), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("is superseded"));
        assertTrue(QuoteRules.refusalToAccept(quote(SENT, 2, 3), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("version 3 is the latest"));
        assertTrue(QuoteRules.refusalToAccept(quote(DRAFT, 3, 3), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("must be sent"));
        assertEquals("The quote is already accepted", QuoteRules.refusalToAccept(quote(ACCEPTED, 3, 3), CharterStatus.BOOKED, BEFORE).orElseThrow());
        assertTrue(QuoteRules.refusalToAccept(quote(REJECTED, 3, 3), CharterStatus.QUOTED, BEFORE).orElseThrow().contains("is rejected"));
        assertTrue(QuoteRules.refusalToAccept(quote(SENT, 3, 3), CharterStatus.CANCELLED, BEFORE).orElseThrow().contains("charter is cancelled"));
    }

    @Test
    void only_a_sent_unexpired_quote_is_rejected() {
        assertEquals(Optional.empty(), QuoteRules.refusalToReject(quote(SENT, 1, 1), BEFORE));
        assertTrue(QuoteRules.refusalToReject(quote(SENT, 1, 1), AT).orElseThrow().contains("is expired"));
        assertTrue(QuoteRules.refusalToReject(quote(DRAFT, 1, 1), BEFORE).orElseThrow().contains("is draft"));
        assertEquals("The quote is already rejected", QuoteRules.refusalToReject(quote(REJECTED, 1, 1), BEFORE).orElseThrow());
        assertTrue(QuoteRules.refusalToReject(quote(ACCEPTED, 1, 1), BEFORE).orElseThrow().contains("is accepted"));
    }

    @Test
    void draft_and_sent_are_the_only_open_statuses() {
        for (QuoteStatus s : QuoteStatus.values()) assertEquals(s == DRAFT || s == SENT, s.isOpen(), s.code());
        for (QuoteStatus s : QuoteStatus.values()) assertEquals(s, QuoteStatus.of(s.code()));
    }
}
