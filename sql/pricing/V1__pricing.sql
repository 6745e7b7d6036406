-- pricing-service: vehicle types, rate cards, amenities, promo codes and their redemptions.
-- Flyway runs this with search_path = pricing, so names are unqualified.

create table vehicle_types (
    code     text primary key check (code ~ '^[a-z][a-z0-9_]{1,49}$'),
    name     text not null,
    capacity integer not null check (capacity between 1 and 100),
    active   boolean not null default true
);

-- The card in effect on a trip's date prices it. Cards of one vehicle type never overlap: the
-- service checks that while holding the vehicle type's row lock (writes of one type serialize).
create table rate_cards (
    id                       uuid primary key,
    vehicle_type             text not null references vehicle_types(code),
    hourly_rate              numeric(12,2) not null check (hourly_rate >= 0),
    minimum_hours            numeric(4,1) not null check (minimum_hours between 0 and 24),
    per_mile_rate            numeric(12,2) not null check (per_mile_rate >= 0),
    daily_rate               numeric(12,2) not null check (daily_rate >= 0),
    included_miles_per_day   integer not null check (included_miles_per_day >= 0),
    driver_overnight_fee     numeric(12,2) not null check (driver_overnight_fee >= 0),
    extra_driver_hourly_rate numeric(12,2) not null check (extra_driver_hourly_rate >= 0),
    effective_from           date not null,
    effective_to             date,
    version                  integer not null default 1,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    check (effective_to is null or effective_to >= effective_from)
);
create index rate_cards_type_from_idx on rate_cards (vehicle_type, effective_from);

create table amenities (
    code        text primary key check (code ~ '^[a-z][a-z0-9_]{1,49}$'),
    name        text not null,
    charge_type text not null check (charge_type in ('per_trip', 'per_day', 'per_vehicle')),
    amount      numeric(12,2) not null check (amount >= 0),
    active      boolean not null default true,
    version     integer not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Codes are stored upper-case, so uniqueness is case-insensitive by construction.
create table promo_codes (
    code           text primary key check (code ~ '^[A-Z0-9][A-Z0-9_-]{2,39}$'),
    description    text not null default '',
    discount_type  text not null check (discount_type in ('percent', 'fixed')),
    discount_value numeric(12,2) not null check (discount_value > 0),
    valid_from     date,
    valid_to       date,
    max_uses       integer check (max_uses >= 1),
    min_subtotal   numeric(12,2) not null default 0 check (min_subtotal >= 0),
    active         boolean not null default true,
    uses           integer not null default 0 check (uses >= 0),
    version        integer not null default 1,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (discount_type <> 'percent' or discount_value <= 100),
    check (valid_to is null or valid_from is null or valid_to >= valid_from),
    -- the last line of defence for the redemption race: the service also checks under a row lock
    check (max_uses is null or uses <= max_uses)
);

-- One row per counted redemption; the key makes a repeated (code, reference) a no-op.
create table promo_redemptions (
    code        text not null references promo_codes(code),
    reference   text not null check (length(reference) between 1 and 100),
    redeemed_at timestamptz not null default now(),
    primary key (code, reference)
);

insert into vehicle_types (code, name, capacity) values
    ('sprinter_14', 'Sprinter van (14 passengers)', 14),
    ('minibus_28', 'Mini-bus (28 passengers)', 28),
    ('executive_coach_35', 'Executive coach (35 passengers)', 35),
    ('school_bus_48', 'School bus (48 passengers)', 48),
    ('coach_56', 'Motorcoach (56 passengers)', 56);

-- 2026 US charter market rates (hourly with a minimum for local work; a daily rate with
-- included miles for multi-day tours).
insert into rate_cards (id, vehicle_type, hourly_rate, minimum_hours, per_mile_rate, daily_rate,
                        included_miles_per_day, driver_overnight_fee, extra_driver_hourly_rate, effective_from) values
    (gen_random_uuid(), 'sprinter_14',        125.00, 4.0, 3.50, 1100.00, 250, 150.00, 45.00, date '2026-01-01'),
    (gen_random_uuid(), 'minibus_28',         150.00, 5.0, 4.00, 1350.00, 250, 175.00, 50.00, date '2026-01-01'),
    (gen_random_uuid(), 'executive_coach_35', 185.00, 5.0, 4.75, 1700.00, 300, 200.00, 55.00, date '2026-01-01'),
    (gen_random_uuid(), 'school_bus_48',      110.00, 4.0, 3.25, 1000.00, 200, 150.00, 40.00, date '2026-01-01'),
    (gen_random_uuid(), 'coach_56',           165.00, 5.0, 4.25, 1500.00, 300, 200.00, 55.00, date '2026-01-01');

insert into amenities (code, name, charge_type, amount) values
    ('wifi', 'Wi-Fi', 'per_day', 35.00),
    ('restroom', 'On-board restroom', 'per_vehicle', 50.00),
    ('outlets', 'Power outlets at every seat', 'per_vehicle', 20.00),
    ('ada_lift', 'ADA wheelchair lift', 'per_vehicle', 75.00),
    ('onboard_water', 'Bottled water for all passengers', 'per_trip', 40.00);
