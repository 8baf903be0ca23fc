-- Integrators' webhook subscriptions (administrators manage them through /api/webhooks): where to send which events,
-- and the secret the Standard Webhooks signature is made with.
create table webhook_subscriptions (
  id           uuid          primary key,
  url          varchar(2000) not null,
  -- the event types, separated by spaces (lead.captured sla.breached ...)
  event_types  varchar(1000) not null,
  secret       varchar(100)  not null,
  description  varchar(500),
  active       boolean       not null,
  created_by   varchar(64)   not null,
  created_at   timestamp with time zone not null
);
