package com.coachway.dispatch.board;

import com.coachway.dispatch.assignments.Assignment;
import com.coachway.dispatch.assignments.AssignmentStore;
import com.coachway.dispatch.drivers.DriverStore;
import com.coachway.dispatch.remote.Charters;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The day board: the day's charters from charter-service (read first, no transaction open), then
 * their live assignments, drivers' names and vehicles' last positions here, in three queries.
 */
public final class BoardActions {
    /** What is on the board: charters that are sold and not cancelled. */
    static final Set<String> ON_THE_BOARD = Set.of("booked", "confirmed", "in_progress", "completed");

    private final DSLContext dsl;
    private final Charters charters;
    private final AssignmentStore assignments;
    private final DriverStore drivers;
    private final LatestPositions positions;

    public BoardActions(DSLContext dsl, Charters charters, AssignmentStore assignments, DriverStore drivers, LatestPositions positions) {
        this.dsl = dsl;
        this.charters = charters;
        this.assignments = assignments;
        this.drivers = drivers;
        this.positions = positions;
    }

    public Board board(LocalDate date) {
        List<Charters.CharterInfo> day = charters.day(date).stream().filter(c -> ON_THE_BOARD.contains(c.status())).toList();
        List<UUID> ids = day.stream().map(Charters.CharterInfo::id).toList();
        var trips = assignments.liveOfCharters(dsl, ids);
        var byCharter = trips.stream().collect(Collectors.groupingBy(Assignment::charterId));
        var names = drivers.names(dsl, trips.stream().map(Assignment::driverId).collect(Collectors.toSet()));
        var latest = positions.of(dsl, trips.stream().map(Assignment::vehicleId).collect(Collectors.toSet()));
        var out = new ArrayList<Board.Charter>();
        for (var c : day) {
            var live = byCharter.getOrDefault(c.id(), List.of());
            var list = live.stream()
                    .map(a -> new Board.Trip(a.id(), a.driverId(), names.get(a.driverId()), a.vehicleId(), a.startsAt(), a.endsAt(),
                            a.status(), latest.get(a.vehicleId())))
                    .toList();
            // a trip a recovery handed over is one vehicle, not two
            long carrying = live.stream().filter(a -> a.replacedBy() == null).count();
            int needed = c.vehicles().size();
            out.add(new Board.Charter(c.id(), c.reference(), c.status(), c.pickupAt(), c.endsAt(), needed,
                    (int) Math.max(0, needed - carrying), list));
        }
        return new Board(date, out);
    }
}
