-- Activities become changeable (a task is completed, reopened, rescheduled): a PATCH names the
-- version it read, as a lead's does. Rows from before count as never changed.
alter table activity
    add column version    integer not null default 1,
    add column updated_at timestamptz;
update activity set updated_at = created_at;
alter table activity alter column updated_at set not null;

-- GET /activities across leads: newest first, and the open tasks ("my open tasks due") among them.
create index activity_created_idx on activity (created_at desc, id desc);
create index activity_open_task_idx on activity (due_at) where completed_at is null and type = 'task';
