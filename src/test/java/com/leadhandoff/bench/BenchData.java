package com.leadhandoff.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk-generated leads for the report benchmark, straight in SQL (PostgreSQL): captured over 2026 from 9 sources
 * and 50 campaigns; 60 % MQL and routed, 45 % accepted, 15 % rejected, 40 % contacted, 25 % SQL, 15 % opportunity,
 * 6 % won, 9 % lost; an accept SLA clock per routed lead, about 10 % breached, structured feedback as the forms give it.
 */
final class BenchData {

  private BenchData() {}

  static void generate(JdbcClient jdbc, int leads) {
    jdbc.sql("""
        with s as (
          select gen_random_uuid() as id, g, r, ts
          from (select g, random() as r, timestamptz '2026-01-01' + random() * interval '364 days' as ts
                from generate_series(1, :leads) g) generated),
        lead as (
          insert into leads (id, email, last_name, company_name, source, campaign, team, status, captured_by, created_at, updated_at, consent)
          select id, 'bench-' || g || '@bench.example', 'Lead ' || g, 'Company ' || (g % 5000),
            (array['web-form','webinar','event','content-download','paid-search','referral','partner','outbound','import'])[1 + g % 9],
            'campaign-' || (g % 50), case when r < 0.6 then (array['sales-emea','sales-americas'])[1 + g % 2] end,
            case when r < 0.06 then 'WON' when r < 0.15 then 'LOST' when r < 0.25 then 'SQL' when r < 0.4 then 'CONTACTED'
                 when r < 0.45 then 'ACCEPTED' when r < 0.6 then 'RECYCLED' else 'NURTURING' end,
            'bench', ts, ts, true
          from s
          returning id)
        insert into lead_milestones (lead_id, mql_at, assigned_at, accepted_at, rejected_at, first_contact_at, sql_at, opportunity_at,
          closed_at, system_minutes, accept_minutes, first_contact_minutes, sql_minutes, close_minutes, mql_rule)
        select s.id,
          case when r < 0.6 then ts + interval '1 minute' end,
          case when r < 0.6 then ts + interval '2 minutes' end,
          case when r < 0.45 then ts + interval '1 hour' end,
          case when r >= 0.45 and r < 0.6 then ts + interval '1 hour' end,
          case when r < 0.4 then ts + interval '4 hours' end,
          case when r < 0.25 then ts + interval '3 days' end,
          case when r < 0.15 then ts + interval '5 days' end,
          case when r < 0.15 then ts + interval '30 days' end,
          case when r < 0.6 then (g % 30) end,
          case when r < 0.45 then 10 + (g % 170) end,
          case when r < 0.4 then 30 + (g % 600) end,
          case when r < 0.25 then 600 + (g % 4000) end,
          case when r < 0.15 then 4000 + (g % 20000) end,
          case when r < 0.6 then (array['MqlDefinition_FitAEngaged','MqlDefinition_FitBEngaged','MqlDefinition_GreyBorderline'])[1 + g % 3] end
        from s join lead on lead.id = s.id""").param("leads", leads).update();
    jdbc.sql("""
        insert into lead_sla_clocks (lead_id, sla, team, assignee, started_at, warn_at, due_at, met_at, explanation)
        select l.id, 'ACCEPT', l.team, 'rep-' || (abs(hashtext(l.id::text)) % 40), m.assigned_at, m.assigned_at + interval '45 minutes',
          m.assigned_at + interval '1 hour', case when random() < 0.9 then coalesce(m.accepted_at, m.rejected_at) - interval '5 minutes' end,
          'bench'
        from leads l join lead_milestones m on m.lead_id = l.id where m.assigned_at is not null""").update();
    jdbc.sql("""
        insert into lead_sla_breaches (clock_id, lead_id, sla, team, assignee, due_at, breached_at, minutes_late, open)
        select id, lead_id, sla, team, assignee, due_at, due_at, 0, random() < 0.02
        from lead_sla_clocks where met_at is null""").update();
    jdbc.sql("""
        insert into lead_feedback (lead_id, kind, reason, factors, author, given_at)
        select lead_id, 'REJECTION', (array['wrong-person','too-small','wrong-industry','no-budget','no-need','timing'])[1 + abs(hashtext(lead_id::text)) % 6],
          null, 'bench', rejected_at
        from lead_milestones where rejected_at is not null
        union all
        select l.id, case when l.status = 'WON' then 'WIN' else 'LOSS' end, null,
          case when l.status = 'WON' then 'industry-fit,pain' else 'price,competitor' end, 'bench', m.closed_at
        from leads l join lead_milestones m on m.lead_id = l.id where l.status in ('WON', 'LOST')""").update();
    jdbc.sql("analyze").update();
  }
}
