-- The lead's milestones (the first time it reached each stage), the business minutes of each step and the MQL rule
-- are the reports' own data, which reporting writes as stages are reached: a table of reporting's, one row per lead,
-- instead of columns of leads (the lead's table) that another feature writes.
create table lead_milestones (
  lead_id uuid primary key references leads (id),
  mql_at timestamp with time zone,
  assigned_at timestamp with time zone,
  accepted_at timestamp with time zone,
  rejected_at timestamp with time zone,
  first_contact_at timestamp with time zone,
  sql_at timestamp with time zone,
  opportunity_at timestamp with time zone,
  closed_at timestamp with time zone,
  system_minutes integer,
  accept_minutes integer,
  first_contact_minutes integer,
  sql_minutes integer,
  close_minutes integer,
  mql_rule varchar(100)
);

insert into lead_milestones (lead_id, mql_at, assigned_at, accepted_at, rejected_at, first_contact_at, sql_at, opportunity_at,
    closed_at, system_minutes, accept_minutes, first_contact_minutes, sql_minutes, close_minutes, mql_rule)
  select id, mql_at, assigned_at, accepted_at, rejected_at, first_contact_at, sql_at, opportunity_at,
    closed_at, system_minutes, accept_minutes, first_contact_minutes, sql_minutes, close_minutes, mql_rule
  from leads;

alter table leads drop column mql_at;
alter table leads drop column assigned_at;
alter table leads drop column accepted_at;
alter table leads drop column rejected_at;
alter table leads drop column first_contact_at;
alter table leads drop column sql_at;
alter table leads drop column opportunity_at;
alter table leads drop column closed_at;
alter table leads drop column system_minutes;
alter table leads drop column accept_minutes;
alter table leads drop column first_contact_minutes;
alter table leads drop column sql_minutes;
alter table leads drop column close_minutes;
alter table leads drop column mql_rule;
