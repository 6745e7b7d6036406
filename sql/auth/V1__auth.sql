-- auth-service: users, roles, permissions, refresh tokens, service clients.
-- Flyway runs this with search_path = auth, so names are unqualified.

create table permissions (
    code        text primary key check (code ~ '^[a-z_]+:[a-z_]+$'),
    description text not null
);

create table roles (
    name        text primary key check (name ~ '^[a-z][a-z0-9_]{1,49}$'),
    description text not null default '',
    built_in    boolean not null default false,
    created_at  timestamptz not null default now()
);

create table role_permissions (
    role_name       text not null references roles(name) on delete cascade,
    permission_code text not null references permissions(code) on delete cascade,
    primary key (role_name, permission_code)
);

create table users (
    id             uuid primary key,
    email          text not null,
    full_name      text not null,
    password_hash  text not null,
    active         boolean not null default true,
    client_id      uuid,
    vendor_id      uuid,
    driver_id      uuid,
    last_login_at  timestamptz,
    version        integer not null default 1,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
-- emails are unique whatever their case
create unique index users_email_key on users (lower(email));
create index users_full_name_idx on users (lower(full_name));

create table user_roles (
    user_id   uuid not null references users(id) on delete cascade,
    role_name text not null references roles(name),
    primary key (user_id, role_name)
);
create index user_roles_role_idx on user_roles (role_name);

-- Opaque refresh tokens, stored as SHA-256 of the token. A family is one login's chain of rotations:
-- presenting a revoked member revokes the whole family (reuse detection).
create table refresh_tokens (
    id             uuid primary key,
    family_id      uuid not null,
    user_id        uuid not null references users(id) on delete cascade,
    token_hash     text not null unique,
    issued_at      timestamptz not null default now(),
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text,
    replaced_by    uuid
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id) where revoked_at is null;

-- Machine clients for the client_credentials grant (service-to-service calls).
create table service_clients (
    client_id   text primary key,
    secret_hash text not null,
    active      boolean not null default true,
    created_at  timestamptz not null default now()
);

insert into permissions (code, description) values
    ('users:read', 'See users'),
    ('users:write', 'Create, change and deactivate users'),
    ('roles:write', 'Create roles and change their permissions'),
    ('clients:read', 'See clients and contacts'),
    ('clients:write', 'Create and change clients and contacts'),
    ('charters:read', 'See charters, quotes and history'),
    ('charters:write', 'Create and change charters and quotes'),
    ('pricing:read', 'See rates, amenities and promo codes'),
    ('pricing:write', 'Change rates, amenities and promo codes'),
    ('vendors:read', 'See vendors, bids and compliance'),
    ('vendors:write', 'Manage vendors, bid requests and awards'),
    ('dispatch:read', 'See drivers, assignments and tracking'),
    ('dispatch:write', 'Assign drivers and vehicles, record events'),
    ('payments:read', 'See payments, schedules and balances'),
    ('payments:write', 'Record payments and refunds'),
    ('finance:read', 'See invoices, bills, ledger and reports'),
    ('finance:write', 'Issue invoices, record bills, close periods'),
    ('notifications:send', 'Send notifications and manage templates'),
    ('sales:read', 'See leads and activities'),
    ('sales:write', 'Manage leads, agents and activities'),
    ('changes:read', 'See change cases and the audit trail'),
    ('changes:write', 'Submit and decide change cases'),
    ('analytics:read', 'See reports and dashboards'),
    ('documents:read', 'Download documents'),
    ('documents:write', 'Upload and delete documents'),
    ('portal:client', 'Use the client portal for its own records'),
    ('portal:vendor', 'Use the vendor portal for its own records'),
    ('portal:driver', 'Use the driver app for its own trips');

insert into roles (name, description, built_in) values
    ('admin', 'Everything', true),
    ('manager', 'Runs the business: approvals, rates, reports', true),
    ('sales_agent', 'Leads, clients, quotes and bookings', true),
    ('dispatcher', 'Fleet, drivers, assignments and vendors', true),
    ('accountant', 'Payments, invoices, bills and the books', true),
    ('driver', 'Drives trips; reports positions and events', true),
    ('client', 'A client''s portal user', true),
    ('vendor', 'An affiliate operator''s portal user', true),
    ('service', 'Another CoachWay service', true);

insert into role_permissions (role_name, permission_code)
select 'admin', code from permissions;

insert into role_permissions (role_name, permission_code)
select 'manager', code from permissions
 where code not in ('roles:write', 'portal:client', 'portal:vendor', 'portal:driver');

insert into role_permissions (role_name, permission_code) values
    ('sales_agent', 'clients:read'), ('sales_agent', 'clients:write'),
    ('sales_agent', 'charters:read'), ('sales_agent', 'charters:write'),
    ('sales_agent', 'pricing:read'), ('sales_agent', 'sales:read'), ('sales_agent', 'sales:write'),
    ('sales_agent', 'changes:read'), ('sales_agent', 'changes:write'),
    ('sales_agent', 'documents:read'), ('sales_agent', 'documents:write'),
    ('sales_agent', 'notifications:send'), ('sales_agent', 'payments:read'),
    ('dispatcher', 'charters:read'), ('dispatcher', 'charters:write'), ('dispatcher', 'clients:read'),
    ('dispatcher', 'vendors:read'), ('dispatcher', 'vendors:write'),
    ('dispatcher', 'dispatch:read'), ('dispatcher', 'dispatch:write'),
    ('dispatcher', 'changes:read'), ('dispatcher', 'changes:write'),
    ('dispatcher', 'documents:read'), ('dispatcher', 'documents:write'), ('dispatcher', 'notifications:send'),
    ('accountant', 'clients:read'), ('accountant', 'charters:read'), ('accountant', 'vendors:read'),
    ('accountant', 'payments:read'), ('accountant', 'payments:write'),
    ('accountant', 'finance:read'), ('accountant', 'finance:write'), ('accountant', 'analytics:read'),
    ('accountant', 'documents:read'), ('accountant', 'documents:write'),
    ('driver', 'portal:driver'),
    ('client', 'portal:client'),
    ('vendor', 'portal:vendor');

insert into role_permissions (role_name, permission_code)
select 'service', code from permissions where code not like 'portal:%' and code <> 'roles:write';
