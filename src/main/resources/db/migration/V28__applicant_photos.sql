-- Issue 22, finding 7: an applicant's photo is fetched once by the service from the portal's host (listed in
-- appealdesk.intake.photo-hosts) and kept as a stored file; staff browsers and Telegram get it from the service,
-- never from the portal's URL. appeal_photo keeps the portal's URLs (the REST resource returns them).
create table applicant_photo (
    appeal_id       bigint        not null references appeal (id),
    position        integer       not null,
    url             varchar(2000) not null,
    state           varchar(16)   not null,
    file_id         uuid          references stored_file (id),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    error           varchar(300),
    primary key (appeal_id, position)
);
create index applicant_photo_due_idx on applicant_photo (next_attempt_at) where state = 'PENDING';
create index applicant_photo_file_idx on applicant_photo (file_id);

-- photos of appeals registered before: fetched like new ones (those of hosts not listed fail at once)
insert into applicant_photo (appeal_id, position, url, state, next_attempt_at)
select appeal_id, position, url, 'PENDING', now() from appeal_photo;
