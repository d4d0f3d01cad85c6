package io.gardefou.store;

import java.sql.SQLException;

/** A database fault under plain JDBC, unchecked like Jdbi's own exceptions so callers see one kind of failure. */
final class StoreFailure extends RuntimeException {
  StoreFailure(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
