-- A lead's status is its lifecycle stage only: an SLA warning, breach or escalation is an event of its journal
-- (lead_stage_events keeps every one already). A lead whose status is such an event gets back the last lifecycle stage
-- it reached; an SLA event follows ROUTED at the earliest, hence the fallback.
update leads set status = coalesce(
    (select e.stage from lead_stage_events e
     where e.lead_id = leads.id and e.stage not in ('SLA_WARNING', 'SLA_BREACHED', 'ESCALATED')
     order by e.occurred_at desc, e.id desc limit 1),
    'ROUTED')
  where status in ('SLA_WARNING', 'SLA_BREACHED', 'ESCALATED');

-- Each SLA clock ends once: met (its task answered, on time or late) or stopped (the lead left the step unanswered:
-- breached, its process cancelled). warned_at is when the reminder went out (warn_at is when it was planned).
alter table lead_sla_clocks add column warned_at timestamp with time zone;
alter table lead_sla_clocks add column stopped_at timestamp with time zone;
alter table lead_sla_clocks add column stop_reason varchar(200);

-- The reminder of each clock, from the journal: the SLA's warning while the clock ran ("ACCEPT due ...").
update lead_sla_clocks set warned_at = (select min(e.occurred_at) from lead_stage_events e
    where e.lead_id = lead_sla_clocks.lead_id and e.stage = 'SLA_WARNING' and e.detail like lead_sla_clocks.sla || ' due %'
      and e.occurred_at >= lead_sla_clocks.started_at and e.occurred_at <= lead_sla_clocks.due_at);

-- A breached clock stopped when it was breached (the breach took the task from the rep); the time it was "met" until
-- now was the next rep's, whose own clock has it.
update lead_sla_clocks set
    stopped_at = (select b.breached_at from lead_sla_breaches b where b.clock_id = lead_sla_clocks.id),
    stop_reason = 'breached', met_at = null
  where exists (select 1 from lead_sla_breaches b where b.clock_id = lead_sla_clocks.id);

-- Decision outcomes keep their values' types: a COLLECT SUM's result ({"fitPoints":"90"}) was written as a string.
update lead_decisions set outcome = replace(replace(outcome, '":"', '":'), '"}', '}')
  where outcome like '{"%":"%"}' and outcome not like '%,%';
