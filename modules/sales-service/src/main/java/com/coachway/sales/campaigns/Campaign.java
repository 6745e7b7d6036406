package com.coachway.sales.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A marketing campaign with how its delivery goes. */
public record Campaign(UUID id, String name, String subject, String body, Audience audience, int audienceSize, int recipients,
                       int suppressed, int queued, int sent, String createdBy, OffsetDateTime createdAt) {

    /** Which leads' addresses it goes to; an absent list does not filter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audience(List<String> statuses, List<String> sources) {
    }

    /** How many of its addresses are where. */
    public record Counts(int audienceSize, int recipients, int suppressed, int queued, int sent) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }
}
