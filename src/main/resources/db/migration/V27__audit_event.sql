-- PRODUCT.md §15, 152-FZ: who read an applicant's contacts (a chat card, the dashboard, the API) and what personal
-- data retention deleted. Kept appealdesk.audit.retention (3 years), then deleted by the retention job.
create table audit_event (
    id        bigint generated always as identity primary key,
    at        timestamptz  not null,
    actor     varchar(100) not null,
    action    varchar(32)  not null,
    channel   varchar(16)  not null,
    appeal_id bigint,
    detail    varchar(300)
);
create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor, at);
create index audit_event_appeal_idx on audit_event (appeal_id, at);
