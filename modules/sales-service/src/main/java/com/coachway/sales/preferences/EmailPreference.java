package com.coachway.sales.preferences;

import java.time.OffsetDateTime;

/** An address's marketing preference as the API shows it (the token stays inside). */
public record EmailPreference(String email, boolean marketingOptIn, String source, OffsetDateTime updatedAt) {
}
