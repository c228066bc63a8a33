package io.marketdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class TransientFaultsTest {
  @Test
  void shouldCallConnectionDeadlockAndLockFaultsTransientWhereverTheyAreInTheCauseChain() {
    assertThat(TransientFaults.isTransient(wrapped(new SQLException("gone", "08006")))).isTrue();
    assertThat(TransientFaults.isTransient(wrapped(new SQLException("serialization", "40001")))).isTrue();
    assertThat(TransientFaults.isTransient(wrapped(new SQLException("deadlock", "40P01")))).isTrue();
    assertThat(TransientFaults.isTransient(wrapped(new SQLException("shutting down", "57P01")))).isTrue();
    assertThat(TransientFaults.isTransient(wrapped(new SQLTransientConnectionException("pool timeout")))).isTrue();
    assertThat(TransientFaults.isTransient(wrapped(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY)))).isTrue();
    assertThat(TransientFaults.isTransient(wrapped(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE))))
        .isTrue();
  }

  @Test
  void shouldCallFaultsThatComeBackWithTheSameInputPermanent() {
    assertThat(TransientFaults.isTransient(wrapped(new SQLException("unique", "23505")))).isFalse();
    assertThat(TransientFaults.isTransient(wrapped(new SQLException("raised", "P0001")))).isFalse();
    assertThat(TransientFaults.isTransient(wrapped(new SQLiteException("boom", SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER))))
        .isFalse();
    assertThat(TransientFaults.isTransient(new IllegalStateException("a bug"))).isFalse();
  }

  private static RuntimeException wrapped(SQLException e) {
    return new IllegalStateException("outer", new UnableToExecuteStatementException(e, null));
  }
}
