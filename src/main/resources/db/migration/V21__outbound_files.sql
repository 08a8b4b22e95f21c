-- Files the service makes itself (report workbooks, chart images) wait here to be uploaded with their message;
-- removed with the messages on the retention schedule.
create table outbound_file (
    id         uuid         primary key,
    file_name  varchar(200) not null,
    content    bytea        not null,
    created_at timestamptz  not null
);
create index outbound_file_created_idx on outbound_file (created_at);
