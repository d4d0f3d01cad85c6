package io.gardefou.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A database Garde-fou can store in, known by its JDBC URL prefix. */
enum Vendor {
  SQLITE("jdbc:sqlite:", "sqlite"),
  POSTGRESQL("jdbc:postgresql:", "postgresql");

  private final String urlPrefix;
  private final String id;

  Vendor(String urlPrefix, String id) {
    this.urlPrefix = urlPrefix;
    this.id = id;
  }

  /** The vendor of a JDBC URL; the message names only the scheme, since the rest may hold a password. */
  static Vendor of(String jdbcUrl) {
    for (Vendor vendor : values()) {
      if (jdbcUrl.startsWith(vendor.urlPrefix)) {
        return vendor;
      }
    }
    throw new IllegalArgumentException(
        "unsupported database URL scheme '" + scheme(jdbcUrl)
            + "'; expected jdbc:sqlite:<path> or jdbc:postgresql://<host>[:<port>]/<database>");
  }

  private static String scheme(String jdbcUrl) {
    int end = jdbcUrl.indexOf(':', jdbcUrl.startsWith("jdbc:") ? "jdbc:".length() : 0);
    return end > 0 ? jdbcUrl.substring(0, end) : "(none)";
  }

  String urlPrefix() {
    return urlPrefix;
  }

  String id() {
    return id;
  }

  /** Each vendor has its own migrations, versioned in step: the schemas differ in types, not in columns. */
  String migrations() {
    return "classpath:db/migration/" + id;
  }

  /** Reads a timestamp column: timestamptz in PostgreSQL, fixed-width ISO-8601 text in SQLite. */
  Instant instant(ResultSet row, String column) throws SQLException {
    return switch (this) {
      case SQLITE -> Instant.parse(row.getString(column));
      case POSTGRESQL -> row.getObject(column, OffsetDateTime.class).toInstant();
    };
  }
}
