package com.coachway.changemgmt.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One transition of a case. */
public record HistoryEntry(UUID id, String actor, OffsetDateTime at, String from, String to, String comment) {
}
