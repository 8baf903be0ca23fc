package com.leadhandoff.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies the rows that leads captured through the real process (the templates) wrote, in SQL, as many times as asked:
 * every table that grew (engine runtime and history, the app's tables) gets the same rows again with every id remapped.
 * PostgreSQL only. The steps: {@link #snapshot} every table before the templates are captured, {@link #stage} the rows
 * they added, {@link #load} the copies, {@link #drop} the loader's own tables.
 *
 * <p>Which values are ids: every UUID in a string or uuid column of the added rows that is not in a primary key of a row
 * that was there before (process definitions, deployments, job definitions, decision definitions stay). In copy k such a
 * UUID becomes {@code md5(uuid || ':' || k)::uuid} wherever it appears, alone (a lead's id, a process instance's, an
 * execution's, a variable's, a job's, the business key) or inside a value (an activity instance id such as
 * {@code Gateway_NurtureEvents:<uuid>}); a value with two such UUIDs stops the loader. Values of single-column unique
 * keys that hold no id (open_leads' email) become {@code copy<k>-<value>} wherever they appear (the lead's email too).
 * Identity columns (the app's bigint keys) take their sequence's next value; a copied row referencing one stops the
 * loader, as does an added byte array that holds an id. Copy 0 is the templates themselves.
 */
final class NurtureLoader {

  static final String SCHEMA = "bench_nurture";
  private static final String UUID_PATTERN = "'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'";

  private final Connection sql;
  /** Staged table -> its column list and the expressions that make copy k of a staged row (s) from it. */
  private final Map<String, String[]> copies = new LinkedHashMap<>();

  NurtureLoader(String database) throws SQLException {
    sql = BenchDatabase.connect(database);
  }

  /** Every table of the public schema as it is now, before the templates. */
  void snapshot() throws SQLException {
    execute("drop schema if exists " + SCHEMA + " cascade");
    execute("create schema " + SCHEMA);
    for (String table : tables()) {
      if (primaryKey(table).isEmpty()) {
        throw new IllegalStateException(table + " has no primary key: the loader cannot tell which rows the templates added");
      }
      execute("create table " + SCHEMA + ".\"before_" + table + "\" as select * from public.\"" + table + "\"");
    }
  }

  /**
   * The rows the templates added, in the tables they added rows to (except the tables named: not a lead's rows), ready
   * to be copied; answers the number of rows staged by table. Prints the tables whose existing rows the templates changed
   * (those changes are not copied).
   */
  Map<String, Long> stage(Set<String> notALeads) throws SQLException {
    Map<String, Long> staged = new TreeMap<>();
    for (String table : tables()) {
      String match = String.join(" and ", primaryKey(table).stream().map(c -> "b.\"" + c + "\" = x.\"" + c + "\"").toList());
      long changed = count("select count(*) from " + SCHEMA + ".\"before_" + table + "\" b left join public.\"" + table + "\" x on " + match
          + " where x is null or b::text <> x::text");
      if (changed > 0) {
        System.out.printf("%s: %d rows there before the templates were changed or deleted by them (not copied)%n", table, changed);
      }
      long added = count("select count(*) from public.\"" + table + "\" x where not exists (select 1 from " + SCHEMA + ".\"before_" + table
          + "\" b where " + match + ")");
      if (added == 0) {
        continue;
      }
      if (notALeads.contains(table)) {
        System.out.printf("%s: %d rows added, not copied (not a lead's)%n", table, added);
        continue;
      }
      execute("create table " + SCHEMA + ".\"t_" + table + "\" as select x.* from public.\"" + table + "\" x where not exists (select 1 from "
          + SCHEMA + ".\"before_" + table + "\" b where " + match + ")");
      staged.put(table, added);
    }
    // the ids: UUIDs in the added rows that are no key of a row that was there before
    execute("create table " + SCHEMA + ".ids (id uuid primary key)");
    execute("create table " + SCHEMA + ".known (id uuid primary key)");
    for (String table : tables()) {
      for (String column : primaryKey(table)) {
        execute("insert into " + SCHEMA + ".known select distinct m[1]::uuid from " + SCHEMA + ".\"before_" + table + "\" b, regexp_matches(b.\""
            + column + "\"::text, " + UUID_PATTERN + ", 'g') m on conflict do nothing");
      }
    }
    for (String table : staged.keySet()) {
      for (Column column : columns(table)) {
        if (column.text()) {
          execute("insert into " + SCHEMA + ".ids select distinct m[1]::uuid from " + SCHEMA + ".\"t_" + table + "\" s, regexp_matches(s.\""
              + column.name + "\"::text, " + UUID_PATTERN + ", 'g') m on conflict do nothing");
        }
      }
    }
    execute("delete from " + SCHEMA + ".ids i using " + SCHEMA + ".known k where k.id = i.id");
    // values of unique keys that hold no id: made unique per copy
    execute("create table " + SCHEMA + ".uniq (v text primary key)");
    for (String table : staged.keySet()) {
      for (String column : uniqueTextColumns(table)) {
        execute("insert into " + SCHEMA + ".uniq select s.\"" + column + "\"::text from " + SCHEMA + ".\"t_" + table + "\" s where s.\"" + column
            + "\" is not null and not exists (select 1 from regexp_matches(s.\"" + column + "\"::text, " + UUID_PATTERN + ", 'g') m join " + SCHEMA
            + ".ids i on i.id = m[1]::uuid) on conflict do nothing");
      }
    }
    for (String table : staged.keySet()) {
      copies.put(table, remap(table));
    }
    return staged;
  }

  /**
   * Copy k of the weekly re-check timers is due when the app's NurtureRecheck would have it for the copy's lead: on the
   * template's day, at the moment of the re-check window its id gives. Checks first that the same rule gives every
   * template's own timer its due date (the rule is NurtureRecheck's).
   */
  void recheckDueDates(String timerActivity, ZoneId zone, LocalTime from, LocalTime until, ZoneId jvm) throws SQLException {
    String jobs = SCHEMA + ".\"t_act_ru_job\"";
    execute("alter table " + jobs + " add column bench_recheck_lead uuid");
    execute("update " + jobs + " j set bench_recheck_lead = e.business_key_::uuid from " + SCHEMA + ".\"t_act_ru_execution\" e, act_ru_jobdef d"
        + " where e.id_ = j.process_instance_id_ and d.id_ = j.job_def_id_ and d.act_id_ = '" + timerActivity + "'");
    long seconds = java.time.Duration.between(from, until).toSeconds();
    String zoneSql = "'" + zone.getId() + "'";
    String jvmSql = "'" + jvm.getId() + "'";
    String rule = "(((s.duedate_ at time zone " + jvmSql + ") at time zone " + zoneSql + ")::date + time '" + from + "'"
        + " + make_interval(secs => (((('x' || left(replace(LEAD::text, '-', ''), 16))::bit(64)::bigint # ('x' || right(replace(LEAD::text, '-', ''), 16))::bit(64)::bigint) % "
        + seconds + " + " + seconds + ") % " + seconds + ")::double precision)) at time zone " + zoneSql + " at time zone " + jvmSql;
    long timers = count("select count(*) from " + jobs + " s where bench_recheck_lead is not null");
    long wrong = count("select count(*) from " + jobs + " s where bench_recheck_lead is not null and " + rule.replace("LEAD", "s.bench_recheck_lead")
        + " <> s.duedate_");
    if (timers == 0 || wrong > 0) {
      throw new IllegalStateException(timers + " re-check timers staged, " + wrong + " of them not due when the loader's rule says");
    }
    String[] copy = copies.get("act_ru_job");
    copy[1] = copy[1].replace("s.\"duedate_\"", "case when s.bench_recheck_lead is null then s.duedate_ else "
        + rule.replace("LEAD", "md5(s.bench_recheck_lead::text || ':' || k)::uuid") + " end");
  }

  /** Inserts copies first..last (inclusive) of every staged table, in one transaction. */
  void load(int first, int last) throws SQLException {
    sql.setAutoCommit(false);
    try {
      for (Map.Entry<String, String[]> table : inInsertOrder()) {
        try (PreparedStatement insert = sql.prepareStatement("insert into public.\"" + table.getKey() + "\" (" + table.getValue()[0] + ") select "
            + table.getValue()[1] + " from " + SCHEMA + ".\"t_" + table.getKey() + "\" s cross join generate_series(?, ?) k")) {
          insert.setInt(1, first);
          insert.setInt(2, last);
          insert.executeUpdate();
        }
      }
      sql.commit();
    } catch (SQLException | RuntimeException failed) {
      sql.rollback();
      throw failed;
    } finally {
      sql.setAutoCommit(true);
    }
  }

  /** The answer of a query on the loader's tables (e.g. a template's rows). */
  <T> List<T> query(String query, RowReader<T> reader) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
    }
    return rows;
  }

  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Drops the loader's tables (the snapshot and the staged rows), so that the database holds the app's tables only. */
  void drop() throws SQLException {
    execute("drop schema if exists " + SCHEMA + " cascade");
    sql.close();
  }

  /** The column list and the expressions of copy k for a staged table; adds the remapping's helper columns to it. */
  private String[] remap(String table) throws SQLException {
    String staged = SCHEMA + ".\"t_" + table + "\"";
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int helper = 0;
    for (Column column : columns(table)) {
      String c = "\"" + column.name + "\"";
      if (column.identity) {
        long referenced = count("select count(*) from pg_constraint f join pg_attribute a on a.attrelid = f.confrelid and a.attnum = any(f.confkey)"
            + " where f.contype = 'f' and f.confrelid = 'public.\"" + table + "\"'::regclass and a.attname = '" + column.name + "'"
            + " and exists (select 1 from pg_tables t where t.schemaname = '" + SCHEMA + "' and t.tablename = 't_' || f.conrelid::regclass::text)");
        if (referenced > 0) {
          throw new IllegalStateException(table + "." + column.name + " is an identity a copied table references: the loader cannot remap it");
        }
        continue; // the sequence's next value
      }
      names.add(c);
      if (column.bytes) {
        long withIds = count("select count(*) from " + staged + " s, regexp_matches(encode(s." + c + ", 'escape'), " + UUID_PATTERN + ", 'g') m join "
            + SCHEMA + ".ids i on i.id = m[1]::uuid");
        if (withIds > 0) {
          throw new IllegalStateException(table + "." + column.name + " holds ids in bytes: the loader cannot remap them");
        }
      }
      if (!column.text()) {
        values.add("s." + c);
        continue;
      }
      String ids = "(select count(*) from regexp_matches(s." + c + "::text, " + UUID_PATTERN + ", 'g') m join " + SCHEMA + ".ids i on i.id = m[1]::uuid)";
      long most = count("select coalesce(max(" + ids + "), 0) from " + staged + " s");
      if (most > 1) {
        throw new IllegalStateException(table + "." + column.name + " holds " + most + " ids in one value: the loader remaps one");
      }
      boolean unique = count("select count(*) from " + staged + " s where s." + c + "::text in (select v from " + SCHEMA + ".uniq)") > 0;
      if (most == 0 && !unique) {
        values.add("s." + c);
        continue;
      }
      helper++;
      String value = "s." + c;
      if (most == 1) {
        String u = "bench_u" + helper;
        String p = "bench_p" + helper;
        String x = "bench_s" + helper;
        execute("alter table " + staged + " add column " + u + " uuid, add column " + p + " text, add column " + x + " text");
        execute("update " + staged + " s set " + u + " = (select m[1]::uuid from regexp_matches(s." + c + "::text, " + UUID_PATTERN + ", 'g') m join "
            + SCHEMA + ".ids i on i.id = m[1]::uuid)");
        execute("update " + staged + " s set " + p + " = left(s." + c + "::text, strpos(s." + c + "::text, " + u + "::text) - 1), " + x + " = substr(s."
            + c + "::text, strpos(s." + c + "::text, " + u + "::text) + 36) where " + u + " is not null");
        String mapped = column.type.equals("uuid") ? "md5(s." + u + "::text || ':' || k)::uuid"
            : "s." + p + " || md5(s." + u + "::text || ':' || k)::uuid::text || s." + x;
        value = "case when s." + u + " is null then " + value + " else " + mapped + " end";
      }
      if (unique) {
        String e = "bench_e" + helper;
        execute("alter table " + staged + " add column " + e + " boolean");
        execute("update " + staged + " s set " + e + " = s." + c + "::text in (select v from " + SCHEMA + ".uniq)");
        value = "case when s." + e + " then 'copy' || k || '-' || s." + c + " else " + value + " end";
      }
      values.add(value);
      System.out.printf("  %s.%s: %s%n", table, column.name, most == 1 && unique ? "ids and unique values remapped" : most == 1 ? "ids remapped"
          : "unique values made unique per copy");
    }
    return new String[] {String.join(", ", names), String.join(", ", values)};
  }

  /** Staged tables, each after the staged tables it references (a lead before its rows). */
  private List<Map.Entry<String, String[]>> inInsertOrder() throws SQLException {
    List<Map.Entry<String, String[]>> ordered = new ArrayList<>();
    List<Map.Entry<String, String[]>> left = new ArrayList<>(copies.entrySet());
    while (!left.isEmpty()) {
      boolean moved = false;
      for (Map.Entry<String, String[]> table : List.copyOf(left)) {
        boolean ready = true;
        for (String parent : query("select confrelid::regclass::text from pg_constraint where contype = 'f' and conrelid = 'public.\"" + table.getKey()
            + "\"'::regclass and confrelid <> conrelid", row -> row.getString(1))) {
          ready &= left.stream().noneMatch(other -> other.getKey().equals(parent));
        }
        if (ready) {
          ordered.add(table);
          left.remove(table);
          moved = true;
        }
      }
      if (!moved) {
        throw new IllegalStateException("the copied tables reference each other in a cycle: " + left.stream().map(Map.Entry::getKey).toList());
      }
    }
    return ordered;
  }

  private List<String> tables() throws SQLException {
    return query("select tablename from pg_tables where schemaname = 'public' order by tablename", row -> row.getString(1));
  }

  private List<String> primaryKey(String table) throws SQLException {
    return query("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)"
        + " where i.indrelid = 'public.\"" + table + "\"'::regclass and i.indisprimary order by a.attnum", row -> row.getString(1));
  }

  private List<String> uniqueTextColumns(String table) throws SQLException {
    return query("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]"
        + " join pg_type t on t.oid = a.atttypid where i.indrelid = 'public.\"" + table + "\"'::regclass and i.indisunique and i.indnatts = 1"
        + " and t.typcategory = 'S'", row -> row.getString(1));
  }

  private record Column(String name, String type, boolean identity, boolean bytes, boolean string) {

    boolean text() {
      return string || type.equals("uuid");
    }
  }

  private List<Column> columns(String table) throws SQLException {
    return query("select a.attname, t.typname, a.attidentity <> '', t.typname = 'bytea', t.typcategory = 'S' from pg_attribute a"
        + " join pg_type t on t.oid = a.atttypid where a.attrelid = 'public.\"" + table + "\"'::regclass and a.attnum > 0 and not a.attisdropped"
        + " order by a.attnum", row -> new Column(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4), row.getBoolean(5)));
  }

  private void execute(String statement) throws SQLException {
    try (Statement s = sql.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String query) throws SQLException {
    try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
