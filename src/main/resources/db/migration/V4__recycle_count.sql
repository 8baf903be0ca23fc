-- How often sales handed the lead back to marketing: leads that loop are visible on their record and in reports.
alter table leads add column recycle_count integer not null default 0;
create index leads_recycle_count on leads (recycle_count);
