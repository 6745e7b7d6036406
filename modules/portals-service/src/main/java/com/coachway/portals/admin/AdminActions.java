package com.coachway.portals.admin;

import com.coachway.portals.access.PortalUser;
import com.coachway.portals.downstream.Fanout;
import com.coachway.portals.downstream.Items;
import com.coachway.portals.downstream.Neighbours;

import java.util.List;
import java.util.Map;

/**
 * The admin dashboard: analytics-service's dashboard beside the open change cases and open sales
 * leads, all read at once with the caller's token.
 */
public final class AdminActions {
    static final String ANALYTICS = "analytics";
    static final String CASES = "cases";
    static final String LEADS = "leads";
    /** A case still waiting for a decision. */
    private static final List<String> OPEN_CASES = List.of("submitted", "under_review");
    /** A lead still being worked. */
    private static final List<String> OPEN_LEADS = List.of("new", "contacted", "qualified");

    private final Neighbours neighbours;
    private final Fanout fanout;

    public AdminActions(Neighbours neighbours, Fanout fanout) {
        this.neighbours = neighbours;
        this.fanout = fanout;
    }

    public record Dashboard(Map<String, Object> analytics, Integer openCases, Integer openLeads, List<String> unavailable) {
    }

    public Dashboard dashboard(PortalUser user) {
        var n = neighbours.as(user.token());
        var calls = fanout.start();
        var analytics = calls.fork(ANALYTICS, () -> n.analytics().get("/dashboard", Items.RECORD));
        var cases = OPEN_CASES.stream()
                .map(s -> calls.fork(CASES, () -> n.changeMgmt().get("/cases?limit=1&status=" + s, Items.RECORD))).toList();
        var leads = OPEN_LEADS.stream()
                .map(s -> calls.fork(LEADS, () -> n.sales().get("/leads?limit=1&status=" + s, Items.RECORD))).toList();
        calls.join();
        // a 404 here is a route the neighbour does not have (yet): no figure, and said so
        if (analytics.notFound()) calls.markUnavailable(ANALYTICS);
        return new Dashboard(analytics.value().orElse(null), sum(calls, CASES, cases), sum(calls, LEADS, leads), calls.unavailable());
    }

    /** The lists' totals added up; null (and the section unavailable) when any of them could not be read. */
    private static Integer sum(Fanout.Calls calls, String section, List<Fanout.Part<Map<String, Object>>> counts) {
        int sum = 0;
        for (var part : counts) {
            Integer total = part.value().map(Items::total).orElse(null);
            if (total == null) {
                calls.markUnavailable(section);
                return null;
            }
            sum += total;
        }
        return sum;
    }
}
