package io.marketdesk.feature;

import io.javalin.Javalin;

/** A feature's routes: pages, API endpoints. Registered once before the server starts. */
@FunctionalInterface
public interface WebModule {
  void routes(Javalin app, Web web);
}
