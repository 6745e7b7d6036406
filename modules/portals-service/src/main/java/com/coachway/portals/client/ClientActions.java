package com.coachway.portals.client;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.portals.access.PortalUser;
import com.coachway.portals.access.Tenancy;
import com.coachway.portals.downstream.Downstream;
import com.coachway.portals.downstream.Fanout;
import com.coachway.portals.downstream.Items;
import com.coachway.portals.downstream.Neighbours;
import com.coachway.portals.downstream.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static com.coachway.common.client.ServiceClient.encode;

/**
 * The client portal: pages read from charter-, payment-, document- and finance-service with the
 * client user's token, and the two things a client does (accept a quote, ask for a change)
 * forwarded to the service that owns them. No state of our own.
 */
public final class ClientActions {
    private static final Logger log = LoggerFactory.getLogger(ClientActions.class);
    static final String CHARTERS = "charters";
    static final String QUOTES = "quotes";
    static final String PAYMENTS = "payments";
    static final String DOCUMENTS = "documents";
    static final String INVOICES = "invoices";
    /** Pages of payment schedules summed for the balance due; a client with more has its latest 5 × 200. */
    private static final int SCHEDULE_PAGES = 5;
    private static final int PAGE = 200;
    /** Charters that will run, from their pickup on: asked of charter-service by status, and held to it here too. */
    private static final Set<String> WILL_RUN = Set.of("booked", "confirmed");
    /** A charter that has started is still the client's trip, however long ago its pickup was (a tour's second day). */
    private static final String RUNNING = "in_progress";

    private final Neighbours neighbours;
    private final Fanout fanout;
    private final Clock clock;

    public ClientActions(Neighbours neighbours, Fanout fanout, Clock clock) {
        this.neighbours = neighbours;
        this.fanout = fanout;
        this.clock = clock;
    }

    public ClientPages.Overview overview(PortalUser user) {
        var n = neighbours.as(user.token());
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String from = encode(now.toString());
        var calls = fanout.start();
        var booked = calls.fork(CHARTERS, () -> n.charters().get("/charters?status=booked&sort=pickup_at&limit=50&from=" + from, Items.RECORD));
        var confirmed = calls.fork(CHARTERS, () -> n.charters().get("/charters?status=confirmed&sort=pickup_at&limit=50&from=" + from, Items.RECORD));
        var running = calls.fork(CHARTERS, () -> n.charters().get("/charters?status=in_progress&sort=pickup_at&limit=50", Items.RECORD));
        var quoted = calls.fork(QUOTES, () -> n.charters().get("/charters?status=quoted&sort=pickup_at&limit=50", Items.RECORD));
        var balance = calls.fork(PAYMENTS, () -> balanceDue(n.payments(), user.clientId()));
        calls.join();

        List<Map<String, Object>> upcoming = null;
        if (booked.value().isPresent() && confirmed.value().isPresent() && running.value().isPresent()) {
            var all = new ArrayList<>(Items.of(booked.value().get()));
            all.addAll(Items.of(confirmed.value().get()));
            all.addAll(Items.of(running.value().get()));
            var seen = new HashSet<String>();
            upcoming = Tenancy.keepOwn(all, "client_id", user.clientId(), "charter").stream()
                    .filter(c -> upcoming(c, now) && seen.add(Items.text(c, "id")))
                    .sorted(Comparator.comparing(c -> Objects.requireNonNullElse(Items.time(c, "pickup_at"), OffsetDateTime.MAX)))
                    .limit(50).toList();
        }
        List<Map<String, Object>> openQuotes = quoted.value().map(list -> Tenancy.keepOwn(Items.of(list), "client_id", user.clientId(), "charter").stream()
                .filter(c -> "quoted".equals(Items.text(c, "status")))
                .map(c -> Items.record(c.get("current_quote")))
                .filter(q -> q != null && "sent".equals(Items.text(q, "status")))
                .toList()).orElse(null);
        return new ClientPages.Overview(user.clientId(), upcoming, openQuotes, balance.value().orElse(null), "payment_schedules",
                calls.unavailable());
    }

    private static boolean upcoming(Map<String, Object> charter, OffsetDateTime now) {
        String status = Items.text(charter, "status");
        if (RUNNING.equals(status)) return true;
        OffsetDateTime pickup = Items.time(charter, "pickup_at");
        return WILL_RUN.contains(status) && pickup != null && !pickup.isBefore(now);
    }

    /** Σ of what is still outstanding on the client's payment schedules (a schedule in credit counts 0). */
    private static BigDecimal balanceDue(ServiceClient payments, UUID clientId) {
        BigDecimal due = BigDecimal.ZERO.setScale(2);
        String after = null;
        for (int page = 0; page < SCHEDULE_PAGES; page++) {
            Map<String, Object> list = payments.get("/schedules?limit=" + PAGE + (after == null ? "" : "&after=" + encode(after)), Items.RECORD);
            for (Map<String, Object> s : Tenancy.keepOwn(Items.of(list), "client_id", clientId, "payment schedule")) {
                BigDecimal outstanding = Items.money(s, "outstanding");
                if (outstanding.signum() > 0) due = due.add(outstanding);
            }
            after = Items.text(list, "next");
            if (after == null) break;
        }
        return due;
    }

    public ClientPages.CharterList charters(PortalUser user, String status, Paging paging) {
        var n = neighbours.as(user.token());
        String query = "/charters?sort=pickup_at" + (status == null ? "" : "&status=" + encode(status)) + "&" + paging.query();
        var calls = fanout.start();
        var list = calls.primary(CHARTERS, () -> n.charters().get(query, Items.RECORD));
        calls.join();
        int limit = paging.limit();
        if (list.value().isEmpty()) return new ClientPages.CharterList(null, null, limit, paging.offset(), null, calls.unavailable());
        Map<String, Object> page = list.value().get();
        List<Map<String, Object>> all = Items.of(page);
        List<Map<String, Object>> own = Tenancy.keepOwn(all, "client_id", user.clientId(), "charter");
        Integer total = Items.total(page);
        return new ClientPages.CharterList(own, total == null ? null : total - (all.size() - own.size()), limit, paging.offset(),
                Items.text(page, "next"), calls.unavailable());
    }

    /**
     * One charter and what hangs off it, read at once. The charter decides: not found, or not the
     * caller's, is a 404 and nothing else is shown. When charter-service is down the sections that
     * answered are shown, each item checked to be the caller's and this charter's.
     */
    public ClientPages.CharterPage charter(PortalUser user, UUID id) {
        var n = neighbours.as(user.token());
        var calls = fanout.start();
        var charter = calls.primary(CHARTERS, () -> n.charters().get("/charters/" + id, Items.RECORD));
        var quotes = calls.fork(QUOTES, () -> n.charters().get("/charters/" + id + "/quotes?limit=" + PAGE, Items.RECORD));
        var payments = calls.fork(PAYMENTS, () -> n.payments().get("/payments?limit=" + PAGE + "&charter_id=" + id, Items.RECORD));
        var balance = calls.fork(PAYMENTS, () -> n.payments().get("/balances/" + id, Items.RECORD));
        var documents = calls.fork(DOCUMENTS, () -> n.documents().get("/documents?limit=" + PAGE + "&entity_type=charter&entity_id=" + id,
                Items.RECORD));
        var invoices = calls.fork(INVOICES, () -> n.finance().get("/invoices?limit=" + PAGE + "&charter_id=" + id, Items.RECORD));
        calls.join();

        Map<String, Object> shown = charter.value().orElse(null);
        if (shown != null && (!Tenancy.isOwn(shown, "client_id", user.clientId(), "charter") || !id.toString().equals(Items.text(shown, "id")))) {
            throw ApiException.notFound("Charter");
        }
        String charterId = id.toString();
        List<Map<String, Object>> ownPayments = payments.value().map(p -> Tenancy.keepOwn(Items.of(p), "client_id", user.clientId(), "payment").stream()
                .filter(x -> charterId.equals(Items.text(x, "charter_id"))).toList()).orElse(null);
        List<Map<String, Object>> ownInvoices = invoices.value().map(p -> Tenancy.keepOwn(Items.of(p), "client_id", user.clientId(), "invoice").stream()
                .filter(x -> charterId.equals(Items.text(x, "charter_id"))).toList()).orElse(null);
        List<Map<String, Object>> ownQuotes = quotes.value().map(p -> Tenancy.keepOwn(Items.of(p), "charter_id", id, "quote")).orElse(quotes.notFound() ? List.of() : null);
        List<Map<String, Object>> ownDocuments = documents.value().map(p -> Tenancy.keepOwn(Items.of(p), "entity_id", id, "document").stream()
                .filter(d -> "charter".equals(Items.text(d, "entity_type"))).toList()).orElse(null);
        // no schedule and no payment yet: payment-service has no balance for it (404), which is no outage
        Map<String, Object> ownBalance = balance.value().filter(b -> Tenancy.isOwn(b, "charter_id", id, "balance")).orElse(null);
        return new ClientPages.CharterPage(shown, ownQuotes, ownPayments, ownBalance, ownDocuments, ownInvoices, calls.unavailable());
    }

    /**
     * charter-service books the charter; its refusals (another client's quote: 404; not acceptable:
     * 409) are the answer. Before asking, the quote's charter is read with the client's token and
     * must be the client's own, so no accept is ever sent for another client's quote.
     */
    public Map<String, Object> acceptQuote(PortalUser user, UUID quoteId, String idempotencyKey) {
        var charters = neighbours.as(user.token()).charters();
        try {
            Map<String, Object> quote = charters.get("/quotes/" + quoteId, Items.RECORD);
            UUID charterId = Ids.parse(Items.text(quote, "charter_id"));
            if (charterId == null || !quoteId.toString().equals(Items.text(quote, "id"))) throw ApiException.notFound("Quote");
            Map<String, Object> charter = charters.get("/charters/" + charterId, Items.RECORD);
            if (!Tenancy.isOwn(charter, "client_id", user.clientId(), "charter")) throw ApiException.notFound("Quote");
            return charters.send("POST", "/quotes/" + quoteId + "/accept", Map.of(), Items.RECORD_TYPE, idempotencyKey);
        } catch (ServiceCallException e) {
            throw Downstream.ofWrite(e);
        }
    }

    /**
     * The charter is read with the client's token first, so a case is never asked for about a
     * charter that is not the client's (change-mgmt-service checks again); then the case is made.
     */
    public Map<String, Object> changeRequest(PortalUser user, ClientPages.ChangeRequest request) {
        var n = neighbours.as(user.token());
        Map<String, Object> charter;
        try {
            charter = n.charters().get("/charters/" + request.charterId(), Items.RECORD);
        } catch (ServiceCallException e) {
            if (e.isNotFound()) throw unknownCharter();
            throw Downstream.ofWrite(e);
        }
        if (!Tenancy.isOwn(charter, "client_id", user.clientId(), "charter")) throw unknownCharter();
        var body = new LinkedHashMap<String, Object>();
        body.put("charter_id", request.charterId());
        body.put("type", request.type());
        body.put("description", request.description());
        if (request.requestedChanges() != null) body.put("requested_changes", request.requestedChanges());
        try {
            Map<String, Object> made = n.changeMgmt().send("POST", "/cases", body, Items.RECORD_TYPE, null);
            log.info("change request {} for charter {} forwarded as case {}", request.type(), request.charterId(), Items.text(made, "id"));
            return made;
        } catch (ServiceCallException e) {
            throw Downstream.ofWrite(e);
        }
    }

    private static ApiException unknownCharter() {
        return ApiException.validation(List.of(new FieldError("charter_id", "unknown charter")));
    }
}
