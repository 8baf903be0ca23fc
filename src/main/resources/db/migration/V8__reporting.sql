-- Each lead's milestones (the first time it reached each stage) and how long each step took in its sales
-- team's business minutes: the funnel, speed and delay reports read one row per lead, never the stage history
-- or Camunda's history tables.
alter table leads add column mql_at timestamp with time zone;
alter table leads add column assigned_at timestamp with time zone;
alter table leads add column accepted_at timestamp with time zone;
alter table leads add column rejected_at timestamp with time zone;
alter table leads add column first_contact_at timestamp with time zone;
alter table leads add column sql_at timestamp with time zone;
alter table leads add column opportunity_at timestamp with time zone;
alter table leads add column closed_at timestamp with time zone;
-- capture -> assignment: the system's delay
alter table leads add column system_minutes integer;
-- assignment -> accepted, first contact (the rep's delay), SQL, closed won or lost
alter table leads add column accept_minutes integer;
alter table leads add column first_contact_minutes integer;
alter table leads add column sql_minutes integer;
alter table leads add column close_minutes integer;
-- the MqlDefinition rule that made the lead MQL: "which agreed rule sends leads that sales rejects?"
alter table leads add column mql_rule varchar(100);

update leads set
  mql_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'MQL'),
  assigned_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'ROUTED'),
  accepted_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'ACCEPTED'),
  rejected_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'REJECTED'),
  first_contact_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'CONTACTED'),
  sql_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'SQL'),
  opportunity_at = (select min(e.occurred_at) from lead_stage_events e where e.lead_id = leads.id and e.stage = 'OPPORTUNITY'),
  closed_at = (select min(e.occurred_at) from lead_stage_events e
               where e.lead_id = leads.id and e.stage in ('WON', 'LOST', 'DISQUALIFIED', 'EXPIRED'));

-- reports filter on the capture date and group by source, campaign, team or month
create index leads_created_at on leads (created_at);
create index leads_team_created_at on leads (team, created_at);

-- When an SLA was met (the rep answered): compliance is met on time / (met on time + late).
alter table lead_sla_clocks add column met_at timestamp with time zone;
create index lead_sla_clocks_started on lead_sla_clocks (started_at);
create index lead_sla_breaches_open on lead_sla_breaches (open, breached_at);
