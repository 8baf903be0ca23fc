-- The channels each user wants notifications on (email, slack, teams, separated by spaces; empty: none).
-- A user without a row gets email.
create table notification_preferences (
  user_id     varchar(64)  primary key,
  channels    varchar(100) not null,
  updated_at  timestamp with time zone not null
);
