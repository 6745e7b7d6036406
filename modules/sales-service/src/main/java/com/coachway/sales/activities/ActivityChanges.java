package com.coachway.sales.activities;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What a PATCH says about an activity: {@code present} names the fields the body had (a nullable
 * one given as null is present and clears it: {@code completed_at: null} reopens a task).
 */
public record ActivityChanges(Set<String> present, String subject, String notes, OffsetDateTime dueAt, OffsetDateTime completedAt) {

    public boolean has(String field) {
        return present.contains(field);
    }
}
