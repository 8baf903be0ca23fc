package com.leadhandoff.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fresh database on the local PostgreSQL for one benchmark run (BENCH_POSTGRES_URL, default
 * jdbc:postgresql://127.0.0.1:5432/, user BENCH_POSTGRES_USER or postgres, password BENCH_POSTGRES_PASSWORD).
 */
final class BenchDatabase {

  static final String SERVER = System.getenv().getOrDefault("BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("BENCH_POSTGRES_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("BENCH_POSTGRES_PASSWORD", "");

  private BenchDatabase() {}

  static String fresh(String database) throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
      sql.execute("create database " + database);
    }
    return database;
  }

  /** Drops a database a run created under a name of its own (nothing else would ever drop it). */
  static void drop(String database) throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
    }
  }

  /** A fresh copy of another database (PostgreSQL's template copy), for runs that must start from the same state. */
  static void copy(String from, String to) throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + to + " with (force)");
      sql.execute("create database " + to + " template " + from);
    }
  }

  /** The app's arguments for that database, plus any others. */
  static String[] springArgs(String database, String... more) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + SERVER + database,
        "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
        "--logging.level.root=WARN", "--logging.level.com.leadhandoff=WARN",
        // a node does not start without an administrator
        "--lead-handoff.admin.user=" + ClusterCrashBench.ADMIN, "--lead-handoff.admin.password=" + ClusterCrashBench.ADMIN_PASSWORD));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(SERVER + database, USER, PASSWORD);
  }

  /** The single number a query answers, e.g. a count. */
  static long count(String database, String sql) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void update(String database, String sql) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** Rows in all tables of the database's public schema (engine and app), counted exactly. */
  static long rows(String database) throws SQLException {
    return rowsByTable(database).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every table's row count, by table name. */
  static Map<String, Long> rowsByTable(String database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, Long> rows = new TreeMap<>();
    for (String table : tables) {
      rows.put(table, count(database, "select count(*) from \"" + table + "\""));
    }
    return rows;
  }
}
