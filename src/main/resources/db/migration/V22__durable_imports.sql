-- Durable CSV imports: the upload stores every row (its raw cells) with the job in one transaction; nodes then take
-- the rows in chunks under a lease. A row's outcome is recorded in the transaction that captures it, and its cells
-- are deleted then (they hold personal data). The counts per outcome are read from the rows.
alter table import_jobs drop column processed;
alter table import_jobs drop column created;
alter table import_jobs drop column merged;
alter table import_jobs drop column rejected;
-- the file of an import started by an earlier version was a temporary file of its node: gone, so is its rest
update import_jobs set status = 'FAILED', finished_at = current_timestamp where status = 'RUNNING';

alter table import_rows alter column outcome drop not null;
-- the row as uploaded (a JSON object of column and cell), until its outcome is recorded
alter table import_rows add column cells varchar(1000000);
create index import_rows_outcome on import_rows (job_id, outcome);

-- The rows of an import not yet done, a chunk at a time; a chunk leaves when all its rows have an outcome.
create table import_chunks (
  job_id       uuid          not null references import_jobs (id),
  first_row    integer       not null,
  last_row     integer       not null,
  -- the node working on it and until when; an expired lease (a node that died) lets another node take it
  lease_owner  varchar(100),
  lease_until  timestamp with time zone,
  primary key (job_id, first_row)
);
