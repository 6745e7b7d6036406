package com.coachway.notification.delivery;

import java.util.UUID;

/** A leased message on its way to a provider; {@code attempt} (from 1) is also the fence of every write about it. */
public record Outbound(UUID id, String channel, String to, String subject, String body, int attempt) {
}
