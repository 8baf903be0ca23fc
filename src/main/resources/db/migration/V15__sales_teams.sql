-- The sales teams as data (managed through /api/teams and the team page): each is a Camunda group of the same id.
-- holiday_region is where the public holidays come from (Jollyday): a country ("DE") or a country and region ("DE-BY").
create table sales_teams (
  id              varchar(64)  primary key,
  name            varchar(200) not null,
  time_zone       varchar(64)  not null,
  holiday_region  varchar(32),
  updated_at      timestamp with time zone not null,
  updated_by      varchar(64)  not null
);

-- Working time per weekday in the team's time zone, one row per interval (09:00-12:00 and 13:00-17:00 is a break).
create table team_working_hours (
  team_id      varchar(64) not null references sales_teams (id) on delete cascade,
  day_of_week  varchar(9)  not null,
  opens        time        not null,
  closes       time        not null,
  primary key (team_id, day_of_week, opens)
);

-- Days off the company adds on top of the public holidays (a team offsite, a bridge day).
create table team_company_days (
  team_id  varchar(64)  not null references sales_teams (id) on delete cascade,
  day_off  date         not null,
  name     varchar(200) not null,
  primary key (team_id, day_off)
);

-- Who manages which team (the sales-managers group manages every team).
create table team_managers (
  team_id  varchar(64) not null references sales_teams (id) on delete cascade,
  user_id  varchar(64) not null,
  primary key (team_id, user_id)
);

-- One row: a new value at every change of a team's calendar, so every node rereads the calendars at the next use.
create table team_settings_version (
  id       integer primary key,
  version  bigint  not null
);
insert into team_settings_version (id, version) values (1, 0);
