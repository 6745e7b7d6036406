package com.coachway.dispatch;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;
import com.coachway.dispatch.assignments.AssignmentActions;
import com.coachway.dispatch.assignments.AssignmentHandler;
import com.coachway.dispatch.assignments.AssignmentRoutes;
import com.coachway.dispatch.assignments.AssignmentStore;
import com.coachway.dispatch.assignments.DutySettings;
import com.coachway.dispatch.assignments.Placement;
import com.coachway.dispatch.board.BoardActions;
import com.coachway.dispatch.board.BoardHandler;
import com.coachway.dispatch.board.BoardRoutes;
import com.coachway.dispatch.board.VehicleLatestStore;
import com.coachway.dispatch.drivers.DriverActions;
import com.coachway.dispatch.drivers.DriverHandler;
import com.coachway.dispatch.drivers.DriverRoutes;
import com.coachway.dispatch.drivers.DriverStore;
import com.coachway.dispatch.events.TripEventActions;
import com.coachway.dispatch.events.TripEventHandler;
import com.coachway.dispatch.events.TripEventRoutes;
import com.coachway.dispatch.events.TripEventStore;
import com.coachway.dispatch.recoveries.RecoveryActions;
import com.coachway.dispatch.recoveries.RecoveryHandler;
import com.coachway.dispatch.recoveries.RecoveryRoutes;
import com.coachway.dispatch.recoveries.RecoveryStore;
import com.coachway.dispatch.remote.Charters;
import com.coachway.dispatch.tracking.PositionPartitions;
import com.coachway.dispatch.tracking.TrackingActions;
import com.coachway.dispatch.tracking.TrackingHandler;
import com.coachway.dispatch.tracking.TrackingRoutes;
import com.coachway.dispatch.tracking.TrackingStore;
import com.coachway.hos.HoursOfService.Cycle;
import com.coachway.hos.ServiceDays;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * dispatch-service: drivers, assignments of drivers and vehicles to charters (overlap and hours of
 * service), the day board, trip events, recoveries, GPS tracking. Wiring only.
 */
public final class DispatchService {
    public static final String NAME = "dispatch-service";
    public static final int DEFAULT_PORT = 8009;

    private DispatchService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** With the clock recoveries, events and tracking stamp and judge time by (tests pass a fixed one). */
    public static RunningService start(Config config, Clock clock) {
        int port = config.port(DEFAULT_PORT);
        var duty = dutySettings(config);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charters = new Charters(ServiceClient.builder(config, "charter-service").token(tokens).build());

        var db = Database.connect(config, "dispatch", NAME);
        try {
            var dsl = db.dsl();
            var outbox = new Outbox("dispatch");
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);

            var drivers = new DriverStore();
            var assignments = new AssignmentStore();
            var placement = new Placement(assignments, drivers, duty);
            var driverActions = new DriverActions(dsl, drivers, clock);
            var assignmentActions = new AssignmentActions(dsl, assignments, placement, charters, duty, clock);
            var eventActions = new TripEventActions(dsl, assignments, new TripEventStore(), outbox, clock);
            var recoveryActions = new RecoveryActions(dsl, new RecoveryStore(), assignments, assignmentActions, placement, clock);
            var boardActions = new BoardActions(dsl, charters, assignments, drivers, new VehicleLatestStore());
            var tracking = new TrackingStore();
            var trackingActions = new TrackingActions(dsl, tracking, clock);
            // day partitions of the positions, ready before the first request and kept ahead hourly
            new PositionPartitions(dsl, tracking, clock).keepReady(scheduler);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(DispatchService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .healthInfo("hos_cycle", duty.cycle().code)
                    .routes(r -> {
                        DriverRoutes.register(r, new DriverHandler(driverActions));
                        AssignmentRoutes.register(r, new AssignmentHandler(assignmentActions));
                        TripEventRoutes.register(r, new TripEventHandler(eventActions));
                        BoardRoutes.register(r, new BoardHandler(boardActions));
                        RecoveryRoutes.register(r, new RecoveryHandler(recoveryActions));
                        TrackingRoutes.register(r, new TrackingHandler(trackingActions));
                    })
                    .build();
            // charter status moves asked for by departed/completed trip events, after their commit
            OutboxWorker.builder(dsl, outbox)
                    .handler(TripEventActions.CHARTER_PROGRESS, charters::progress)
                    .configured(config)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** HOS_CYCLE (70_8 | 60_7, default 70_8), SERVICE_DAY_START (HH:MM, default 04:00) and TZ (default America/New_York). */
    private static DutySettings dutySettings(Config config) {
        String cycle = config.string("HOS_CYCLE", "70_8");
        if (!Cycle.CODES.contains(cycle)) {
            throw new Config.ConfigException("HOS_CYCLE", "must be 70_8 (70 h in 8 days) or 60_7 (60 h in 7 days), got '" + cycle + "'");
        }
        ZoneId zone = config.zone("TZ", "America/New_York");
        String start = config.string("SERVICE_DAY_START", "04:00");
        LocalTime dayStart;
        try {
            dayStart = LocalTime.parse(start);
        } catch (DateTimeParseException e) {
            throw new Config.ConfigException("SERVICE_DAY_START", "must be a local time HH:MM like 04:00, got '" + start + "'");
        }
        return new DutySettings(Cycle.fromCode(cycle), new ServiceDays(zone, dayStart), zone);
    }
}
