package io.marketdesk.feature;

import org.jdbi.v3.core.Handle;

/** A part of the demo data, loaded in the one demo transaction (docs/architecture.md). */
@FunctionalInterface
public interface DemoLoader {
  void load(Handle h);
}
