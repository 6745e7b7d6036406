package com.coachway.sales.agents;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundRobinTest {
    static final OffsetDateTime T = OffsetDateTime.parse("2026-11-01T09:00:00Z");

    static RoundRobin.Place place(int minutes) {
        return new RoundRobin.Place(UUID.randomUUID(), T.plusMinutes(minutes));
    }

    @Test
    void the_first_turn_goes_to_the_agent_created_first() {
        var a = place(0);
        var b = place(1);
        assertEquals(Optional.of(a.agentId()), RoundRobin.next(List.of(b, a), null));
    }

    @Test
    void each_turn_goes_to_the_next_agent_in_creation_order_and_wraps_round() {
        var a = place(0);
        var b = place(1);
        var c = place(2);
        var all = List.of(c, a, b);
        assertEquals(Optional.of(b.agentId()), RoundRobin.next(all, a));
        assertEquals(Optional.of(c.agentId()), RoundRobin.next(all, b));
        assertEquals(Optional.of(a.agentId()), RoundRobin.next(all, c));
    }

    @Test
    void an_agent_no_longer_active_is_skipped_and_its_place_still_says_who_is_next() {
        var a = place(0);
        var b = place(1);
        var c = place(2);
        // b was assigned last and is inactive now: c comes next, then a
        assertEquals(Optional.of(c.agentId()), RoundRobin.next(List.of(a, c), b));
        assertEquals(Optional.of(a.agentId()), RoundRobin.next(List.of(a), c));
    }

    @Test
    void nobody_active_is_nobodys_turn() {
        assertEquals(Optional.empty(), RoundRobin.next(List.of(), place(0)));
        assertEquals(Optional.empty(), RoundRobin.next(List.of(), null));
    }

    @Test
    void agents_created_in_the_same_instant_are_ordered_by_id_as_postgresql_orders_uuids() {
        var low = new RoundRobin.Place(UUID.fromString("0fffffff-0000-4000-8000-000000000000"), T);
        var high = new RoundRobin.Place(UUID.fromString("f0000000-0000-4000-8000-000000000000"), T);
        // java's UUID.compareTo is signed and would put "f..." first
        assertEquals(Optional.of(low.agentId()), RoundRobin.next(List.of(high, low), null));
        assertEquals(Optional.of(high.agentId()), RoundRobin.next(List.of(high, low), low));
    }

    @Test
    void a_thousand_turns_over_seven_agents_are_shared_as_evenly_as_they_can_be() {
        var agents = new ArrayList<RoundRobin.Place>();
        for (int i = 0; i < 7; i++) agents.add(place(i));
        var counts = new HashMap<UUID, Integer>();
        RoundRobin.Place last = null;
        for (int i = 0; i < 1000; i++) {
            UUID next = RoundRobin.next(agents, last).orElseThrow();
            counts.merge(next, 1, Integer::sum);
            last = agents.stream().filter(p -> p.agentId().equals(next)).findFirst().orElseThrow();
        }
        // 1000 = 7 * 142 + 6: the first six agents get 143, the last 142
        for (int i = 0; i < 7; i++) assertEquals(i < 6 ? 143 : 142, counts.get(agents.get(i).agentId()));
    }
}
