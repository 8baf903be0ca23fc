-- A contact coming back after their lead closed starts a new lead linked to the earlier one.
alter table leads add column previous_lead_id uuid references leads (id);

-- One open lead per email: a second submission becomes engagement on it. The primary key makes
-- concurrent submissions of one new email create exactly one lead. Rows leave when the lead closes.
create table open_leads (
  email    varchar(254) primary key,
  lead_id  uuid         not null references leads (id)
);

-- Idempotency-Key per caller: a retried request returns the first answer and starts nothing new.
create table idempotency_keys (
  caller        varchar(64)  not null,
  idem_key      varchar(200) not null,
  request_hash  varchar(64)  not null,
  lead_id       uuid         references leads (id),
  status        integer,
  created_at    timestamp with time zone not null,
  primary key (caller, idem_key)
);
