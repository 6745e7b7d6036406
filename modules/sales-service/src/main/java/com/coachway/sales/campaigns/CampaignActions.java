package com.coachway.sales.campaigns;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.idempotency.RequestKeyStore;
import com.coachway.sales.audit.SalesAudit;
import com.coachway.sales.preferences.PreferenceStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Campaigns: the audience's addresses minus every opted-out one, one outbox row per remaining
 * address, all in the transaction that records the campaign. {@link CampaignDelivery} sends them.
 */
public final class CampaignActions {
    private static final Logger log = LoggerFactory.getLogger(CampaignActions.class);
    static final String CREATE = "campaign";

    private final DSLContext dsl;
    private final CampaignStore campaigns;
    private final PreferenceStore preferences;
    private final RequestKeyStore keys;
    private final Outbox outbox;
    private final SalesAudit audit;
    private final Clock clock;

    public CampaignActions(DSLContext dsl, CampaignStore campaigns, PreferenceStore preferences, RequestKeyStore keys, Outbox outbox,
                           SalesAudit audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.campaigns = campaigns;
        this.preferences = preferences;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page<Campaign> list(PageRequest page) {
        return campaigns.list(dsl, page);
    }

    public Campaign get(UUID id) {
        return campaigns.find(dsl, id).orElseThrow(() -> ApiException.notFound("Campaign"));
    }

    public Campaign create(Caller caller, String name, String subject, String body, Campaign.Audience audience, String key,
                           String fingerprint) {
        UUID id = Ids.newId();
        Campaign made = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock);
            var earlier = keys.earlier(tx, caller.subject(), CREATE, key, fingerprint);
            if (earlier.isPresent()) return campaigns.find(tx, earlier.get()).orElseThrow();
            List<String> emails = campaigns.audience(tx, audience);
            if (emails.isEmpty()) throw ApiException.validation(List.of(new FieldError("audience", "holds no lead with an email")));
            preferences.ensure(tx, emails, now);
            var optIns = preferences.optIns(tx, emails);
            campaigns.insert(tx, id, name, subject, body, audience, caller.subject(), now);
            for (String email : emails) {
                if (Boolean.TRUE.equals(optIns.get(email))) {
                    UUID event = outbox.enqueue(tx, CampaignDelivery.TOPIC, new CampaignDelivery.Payload(id, email));
                    campaigns.addRecipient(tx, id, email, CampaignStore.QUEUED, event, now);
                } else {
                    campaigns.addRecipient(tx, id, email, CampaignStore.SUPPRESSED, null, now);
                }
            }
            keys.remember(tx, caller.subject(), CREATE, key, fingerprint, id, now);
            Campaign created = campaigns.find(tx, id).orElseThrow();
            audit.campaignCreated(tx, AuditTrail.actor(caller), id, name, created.audienceSize(), created.recipients(), created.suppressed());
            return created;
        });
        if (made.id().equals(id)) {
            log.info("campaign {} by {}: {} addresses, {} queued, {} suppressed", id, caller.subject(), made.audienceSize(),
                    made.recipients(), made.suppressed());
        }
        return made;
    }
}
