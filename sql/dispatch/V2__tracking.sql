-- dispatch-service: GPS tracking. Positions as vehicles recorded them, and each vehicle's latest.
-- Flyway runs this with search_path = dispatch.

-- Every position a vehicle reported, once: (vehicle_id, recorded_at) is its identity, so a batch
-- retried after a lost answer stores nothing twice (insert … on conflict do nothing).
-- Range-partitioned by day on recorded_at: a track query for an hour touches one or two days'
-- partitions (pruning), ingestion appends to today's, and old days can be dropped whole. The
-- primary key's index (vehicle_id, recorded_at) is also the track index: one vehicle, a time range.
create table vehicle_position (
    vehicle_id    uuid not null,
    recorded_at   timestamptz not null,
    lat           double precision not null,
    lon           double precision not null,
    speed_mph     double precision,
    heading       double precision,
    assignment_id uuid,
    received_at   timestamptz not null,
    constraint vehicle_position_pkey primary key (vehicle_id, recorded_at)
) partition by range (recorded_at);

-- Catches a row no day partition takes (the maintenance job fell behind); the job moves such rows
-- into their day's partition when it creates it, so this stays empty in normal running.
create table vehicle_position_default partition of vehicle_position default;

-- Creates the day partitions vehicle_position_pYYYYMMDD (UTC days) for [from_day, to_day], moving
-- any rows the default partition caught for a day into its new partition. Idempotent; the service
-- calls it at start and every hour for the days around now; the benchmark calls it for its seed.
-- Concurrent callers (replicas) queue on an advisory lock.
create function ensure_position_partitions(from_day date, to_day date) returns integer
language plpgsql as $$
declare
    d       date := from_day;
    part    text;
    created integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('coachway:dispatch.vehicle_position partitions'));
    while d <= to_day loop
        part := 'vehicle_position_p' || to_char(d, 'YYYYMMDD');
        if to_regclass('dispatch.' || part) is null then
            execute format('create table dispatch.%I (like dispatch.vehicle_position including defaults including constraints)', part);
            execute format('with moved as (delete from dispatch.vehicle_position_default where recorded_at >= %L and recorded_at < %L returning *) '
                           'insert into dispatch.%I select * from moved',
                           (d::timestamp at time zone 'UTC'), ((d + 1)::timestamp at time zone 'UTC'), part);
            execute format('alter table dispatch.vehicle_position attach partition dispatch.%I for values from (%L) to (%L)',
                           part, (d::timestamp at time zone 'UTC'), ((d + 1)::timestamp at time zone 'UTC'));
            created := created + 1;
        end if;
        d := d + 1;
    end loop;
    return created;
end;
$$;

-- The position with the newest recorded_at of each vehicle (not the last received): the upsert's
-- "where excluded.recorded_at > vehicle_latest.recorded_at" keeps a late buffered upload from
-- moving a bus backwards. One row per vehicle: latest and the board read it by primary key.
create table vehicle_latest (
    vehicle_id    uuid primary key,
    lat           double precision not null,
    lon           double precision not null,
    speed_mph     double precision,
    heading       double precision,
    recorded_at   timestamptz not null,
    assignment_id uuid,
    updated_at    timestamptz not null
);
