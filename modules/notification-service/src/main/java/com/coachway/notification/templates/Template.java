package com.coachway.notification.templates;

import java.time.OffsetDateTime;
import java.util.List;

/** A message template as the API shows it; {@code variables} are the names its text uses. */
public record Template(String code, String channel, String subject, String body, String description,
                       List<String> variables, int version, OffsetDateTime updatedAt, String updatedBy) {
}
