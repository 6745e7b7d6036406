package com.coachway.sales.campaigns;

import com.coachway.common.outbox.OutboxEvent;
import com.coachway.common.outbox.OutboxHandler;
import com.coachway.sales.preferences.PreferenceStore;
import com.coachway.sales.remote.Notifications;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Delivers one campaign email (the outbox worker calls it, outside any transaction). It reads the
 * address's preference again right before sending: an address that opted out after the campaign
 * was made is suppressed here and never reaches notification-service.
 */
public final class CampaignDelivery implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(CampaignDelivery.class);
    public static final String TOPIC = "campaign.email";

    public record Payload(UUID campaignId, String email) {
    }

    private final DSLContext dsl;
    private final CampaignStore campaigns;
    private final PreferenceStore preferences;
    private final Notifications notifications;
    private final String unsubscribeUrl;
    private final Clock clock;

    /** @param publicBaseUrl the gateway's public address, e.g. https://coachway.example (the link goes through it) */
    public CampaignDelivery(DSLContext dsl, CampaignStore campaigns, PreferenceStore preferences, Notifications notifications,
                            String publicBaseUrl, Clock clock) {
        this.dsl = dsl;
        this.campaigns = campaigns;
        this.preferences = preferences;
        this.notifications = notifications;
        this.unsubscribeUrl = publicBaseUrl.replaceAll("/+$", "") + "/api/v1/sales/unsubscribe";
        this.clock = clock;
    }

    @Override
    public void handle(OutboxEvent event) {
        Payload p = event.payloadAs(Payload.class);
        String status = campaigns.recipientStatus(dsl, p.campaignId(), p.email()).orElse(null);
        if (!CampaignStore.QUEUED.equals(status)) return;
        var preference = preferences.find(dsl, p.email()).orElse(null);
        if (preference == null || !preference.optIn()) {
            campaigns.settle(dsl, p.campaignId(), p.email(), CampaignStore.SUPPRESSED, null, OffsetDateTime.now(clock));
            log.info("campaign {}: an address opted out before its email went; suppressed (event {})", p.campaignId(), event.id());
            return;
        }
        var content = campaigns.content(dsl, p.campaignId()).orElseThrow();
        UUID notification = notifications.send(p.email(), content.subject(), body(content.body(), preference.token()),
                event.id().toString());
        campaigns.settle(dsl, p.campaignId(), p.email(), CampaignStore.SENT, notification, OffsetDateTime.now(clock));
    }

    String body(String text, String token) {
        return text + "\n\n--\nYou receive this email from CoachWay because you asked us about a charter."
                + "\nTo receive no more of them: " + unsubscribeUrl + "?token=" + token;
    }
}
