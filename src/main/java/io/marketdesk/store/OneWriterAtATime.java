package io.marketdesk.store;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Lets one transaction at a time into SQLite, queued fairly in the JVM. SQLite allows one writer;
 * every transaction here begins IMMEDIATE (a writer), and a writer that finds the database locked
 * waits in SQLite's busy handler, which sleeps 1, 2, 5, 10 ... ms between tries. Two busy threads
 * (the intake and the outbox sender) then spend much of their time asleep while the lock is free.
 * Queued here, the next transaction starts the moment the previous one ends. Reentrant, so a
 * transaction inside a transaction on the same thread goes on. Other processes on the same file
 * still meet SQLite's busy timeout.
 */
final class OneWriterAtATime implements TransactionHandler {
  private final ReentrantLock lock;
  private final TransactionHandler delegate;

  OneWriterAtATime(TransactionHandler delegate) {
    this(new ReentrantLock(true), delegate);
  }

  private OneWriterAtATime(ReentrantLock lock, TransactionHandler delegate) {
    this.lock = lock;
    this.delegate = delegate;
  }

  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    return new OneWriterAtATime(lock, delegate.specialize(handle));
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
    lock.lock();
    try {
      return delegate.inTransaction(handle, callback);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
      HandleCallback<R, X> callback) throws X {
    lock.lock();
    try {
      return delegate.inTransaction(handle, level, callback);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void begin(Handle handle) {
    delegate.begin(handle);
  }

  @Override
  public void commit(Handle handle) {
    delegate.commit(handle);
  }

  @Override
  public void rollback(Handle handle) {
    delegate.rollback(handle);
  }

  @Override
  public boolean isInTransaction(Handle handle) {
    return delegate.isInTransaction(handle);
  }

  @Override
  public void savepoint(Handle handle, String name) {
    delegate.savepoint(handle, name);
  }

  @Override
  public void rollbackToSavepoint(Handle handle, String name) {
    delegate.rollbackToSavepoint(handle, name);
  }

  @Override
  public void releaseSavepoint(Handle handle, String name) {
    delegate.releaseSavepoint(handle, name);
  }
}
