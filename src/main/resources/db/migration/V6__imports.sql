-- CSV imports: one job per file, one result per row (created, merged into an open lead, or rejected with why).
create table import_jobs (
  id           uuid          primary key,
  created_by   varchar(64)   not null,
  created_at   timestamp with time zone not null,
  finished_at  timestamp with time zone,
  status       varchar(20)   not null,
  total_rows   integer       not null,
  processed    integer       not null default 0,
  created      integer       not null default 0,
  merged       integer       not null default 0,
  rejected     integer       not null default 0
);

create table import_rows (
  job_id      uuid          not null references import_jobs (id),
  row_number  integer       not null,
  outcome     varchar(10)   not null,
  lead_id     uuid          references leads (id),
  message     varchar(2000),
  primary key (job_id, row_number)
);
