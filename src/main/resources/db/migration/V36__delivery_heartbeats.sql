-- Each outbox sender (one per messenger per instance) says it is alive every few seconds while it runs. A message in
-- flight under a sender that has fallen silent (an instance killed with SIGKILL) is taken over at once by another
-- instance, or by the restarted one, instead of after its whole lease (issue 26: up to two silent minutes).
create table delivery_heartbeat (
    owner   varchar(64) primary key,
    seen_at timestamptz not null
);
