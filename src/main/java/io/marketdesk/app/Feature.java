package io.marketdesk.app;

/**
 * A feature of marketdesk (accounts and reviews, products, orders, price changes, web pages): it adds
 * its commands, confirmations, routes, status sections and jobs to the {@link Wiring}. The composition
 * root lists the features; nothing else changes when one is added.
 */
@FunctionalInterface
public interface Feature {
  void wire(Wiring w);
}
