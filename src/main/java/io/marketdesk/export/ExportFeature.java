package io.marketdesk.export;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.command.CommandHandler;

/** Exports by mail (docs/after-the-sale.md): orders and products as XLSX or CSV. */
public final class ExportFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    for (CommandHandler h : new Exports(w.config).handlers()) {
      w.commands.register(h);
    }
  }
}
