package com.coachway.sales;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.sales.campaigns.CampaignDelivery;
import com.coachway.sales.campaigns.CampaignStore;
import com.coachway.sales.preferences.PreferenceStore;
import com.coachway.sales.remote.Notifications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.coachway.sales.SalesPlatform.lead;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The race: an address unsubscribes after the campaign was made (its email already queued in the
 * outbox) and before delivery. The service's own outbox worker is held off (it polls every 10
 * minutes and ran once, empty, at start); the test then delivers the campaign's outbox rows with
 * the service's own delivery handler, at the moment it chooses. The same platform shows the
 * unsubscribe route's rate limit, on a gateway clock that stands still.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketingRaceTest {
    SalesPlatform sp;
    Database db;

    @BeforeAll
    void start() {
        // the gateway's clock stands still: the rate-limit test below runs in one window, whatever the wall clock does
        sp = new SalesPlatform(Map.of("OUTBOX_POLL_INTERVAL_MS", "600000"), Clock.fixed(java.time.Instant.parse("2026-11-20T10:00:30Z"), java.time.ZoneOffset.UTC));
        db = Database.connect(Config.of(Map.of("DATABASE_URL", sp.platform.databaseUrl(), "DB_POOL_SIZE", "2")), "sales", "race-test");
    }

    @AfterAll
    void stop() {
        db.close();
        sp.close();
    }

    @Test
    @Order(1)
    void an_address_that_unsubscribes_after_the_campaign_was_made_never_reaches_notification_service() {
        for (String who : List.of("hal", "ida", "jo")) sp.newLead(lead("Race " + who, who + "@race-test.com"));
        String id = sp.as("manager").contentType("application/json")
                .body(Map.of("name", "Race", "subject", "Autumn", "body", "Autumn trips.", "audience", Map.of("sources", List.of("website"))))
                .post("/campaigns").then().statusCode(201).body("recipients", equalTo(3)).body("queued", equalTo(3))
                .extract().path("id");
        // the campaign's emails (its audit entry is an outbox row too, of another topic)
        assertEquals(3, sp.rows("select 1 from sales.outbox where status = 'pending' and topic = ?", CampaignDelivery.TOPIC).size());

        // ida follows the link of an earlier email while hers is still in the outbox
        String token = (String) sp.rows("select unsubscribe_token from sales.email_preference where email = 'ida@race-test.com'")
                .getFirst().get("unsubscribe_token");
        sp.anonymous().contentType("application/json").body(Map.of("token", token)).post("/unsubscribe").then().statusCode(200);
        assertEquals(0, sp.notifications.requests().size(), "nothing was delivered yet");

        var notifications = new Notifications(ServiceClient.builder("notification-service", URI.create(sp.notifications.url())).build());
        var delivery = new CampaignDelivery(db.dsl(), new CampaignStore(), new PreferenceStore(), notifications, "https://coachway.example",
                Clock.systemUTC());
        var worker = OutboxWorker.builder(db.dsl(), new Outbox("sales")).handler(CampaignDelivery.TOPIC, delivery).build();
        assertEquals(3, worker.runOnce());

        Set<String> reached = sp.notifications.requests().stream().map(q -> CampaignsTest.json(q.body()).path("to").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("hal@race-test.com", "jo@race-test.com"), reached);
        sp.as("manager").get("/campaigns/" + id).then().statusCode(200).body("sent", equalTo(2)).body("suppressed", equalTo(1))
                .body("queued", equalTo(0)).body("recipients", equalTo(3));
        assertEquals(3, sp.rows("select 1 from sales.outbox where status = 'delivered' and topic = ?", CampaignDelivery.TOPIC).size(),
                "the dropped row is done, not retried");
        // delivering again (a redelivery) sends nothing more
        sp.execute("update sales.outbox set status = 'pending', next_attempt_at = now() where topic = ?", CampaignDelivery.TOPIC);
        assertEquals(3, worker.runOnce());
        assertEquals(2, sp.notifications.requests().size());
    }

    /** Last: it spends the window the race test's unsubscribe also counts in. */
    @Test
    @Order(2)
    void the_public_unsubscribe_is_rate_limited_at_the_gateway_and_other_sales_routes_are_not() {
        int limited = -1;
        for (int i = 0; i < 31 && limited < 0; i++) {
            int status = sp.anonymous().queryParam("token", "t").get("/unsubscribe").statusCode();
            if (status == 429) limited = i;
            else assertEquals(200, status);
        }
        assertEquals(true, limited >= 0, "30 a minute per address, then 429");
        sp.anonymous().contentType("application/json").body(Map.of("token", "x")).post("/unsubscribe").then().statusCode(429);
        sp.as("sales_agent").get("/leads").then().statusCode(200);
    }
}
