-- One API key per integration (web form, marketing automation, CRM sync). Only the key's SHA-256 is stored: the key
-- itself is shown once, when it is created or rotated. A revoked key stays for the record, and is never accepted.
create table integration_keys (
  integration  varchar(64)   primary key,
  -- space-separated: capture (push leads, engagement, imports, accounts in), read (read leads and accounts)
  scopes       varchar(100)  not null,
  key_hash     varchar(64)   not null unique,
  -- the key's first characters, so that an administrator can tell which key a system holds
  key_prefix   varchar(12)   not null,
  created_at   timestamp with time zone not null,
  created_by   varchar(64)   not null,
  rotated_at   timestamp with time zone,
  revoked_at   timestamp with time zone,
  revoked_by   varchar(64)
);
