package com.leadhandoff.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the local PostgreSQL for one integration test class (it.postgres.url, default
 * jdbc:postgresql://127.0.0.1:5432/, user postgres, password from IT_POSTGRES_PASSWORD).
 */
public final class PostgresDatabase {

  private PostgresDatabase() {}

  /** How to connect to a database. */
  public record Connect(String url, String user, String password) {}

  /** Drops the database if it exists and creates it empty. */
  public static Connect create(String database) throws SQLException {
    String server = System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    String user = System.getProperty("it.postgres.user", "postgres");
    String password = System.getenv().getOrDefault("IT_POSTGRES_PASSWORD", "");
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
      sql.execute("create database " + database);
    }
    return new Connect(server + database, user, password);
  }

  /** A fresh database for the test's application context. */
  public static void fresh(String database, DynamicPropertyRegistry registry) throws SQLException {
    Connect db = create(database);
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
  }
}
