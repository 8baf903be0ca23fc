-- Accounts (customers, companies with an open opportunity, targets) that leads are matched to at capture.
-- external_id is the CRM's id: upserts by it are idempotent. V12: V10 and V11 are taken by other branches.
create table accounts (
  id               uuid          primary key,
  external_id      varchar(100)  not null unique,
  name             varchar(200)  not null,
  -- lower case, no punctuation, no legal suffix (GmbH, Inc, Ltd): what a lead's company name is compared with
  name_key         varchar(200)  not null,
  -- the first four characters of name_key: one indexed lookup finds the candidates a name is scored against
  name_prefix      varchar(4)    not null,
  owner            varchar(64),
  status           varchar(30)   not null,
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null
);
create index accounts_name_prefix on accounts (name_prefix);

-- A domain belongs to one account; a lead's domain and its parent domains (eu.acme.com, acme.com) are one lookup.
create table account_domains (
  domain      varchar(253) primary key,
  account_id  uuid         not null references accounts (id)
);
create index account_domains_account on account_domains (account_id);

-- The account a lead matched at capture, how (domain or name), on what and how well (1 for a domain);
-- the account's status and owner as they were then: the decisions' inputs and the reports' groups.
alter table leads add column account_id uuid references accounts (id);
alter table leads add column account_status varchar(30);
alter table leads add column account_owner varchar(64);
alter table leads add column account_match_method varchar(10);
alter table leads add column account_matched_on varchar(253);
alter table leads add column account_match_score numeric(5, 4);
create index leads_account on leads (account_id);
