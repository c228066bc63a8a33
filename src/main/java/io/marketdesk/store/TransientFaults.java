package io.marketdesk.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database fault that may pass (a lost connection, a deadlock or serialization failure, a
 * locked or full database) from one that will happen again with the same input. Work stopped by a
 * transient fault is tried again later; any other fault is recorded against what caused it.
 */
public final class TransientFaults {
  /** SQLite's primary result codes for BUSY, LOCKED, IOERR, FULL. */
  private static final Set<Integer> SQLITE_TRANSIENT = Set.of(5, 6, 10, 13);

  private TransientFaults() {}

  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException) {
        SQLException s = (SQLException) t;
        String state = s.getSQLState();
        // 08 connection, 40 transaction rollback (deadlock, serialization), 53 resources, 57P shutdown
        if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
            || state.startsWith("57P"))) {
          return true;
        }
        if (t instanceof org.sqlite.SQLiteException
            && SQLITE_TRANSIENT.contains(((org.sqlite.SQLiteException) t).getResultCode().code & 0xff)) {
          return true;
        }
      }
    }
    return false;
  }
}
