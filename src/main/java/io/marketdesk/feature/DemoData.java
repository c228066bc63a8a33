package io.marketdesk.feature;

import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.jdbi.v3.core.Handle;

/**
 * The demo data of the embedded default (docs/demo.md): operator {@code ops@marketdesk.test}, providers
 * alice (account ID 100012345678) and bob (100087654321), buyer {@code buyer@customer.test}; the
 * features add products of every type and orders in every state. Loaded once: a marker row makes a
 * restart (or a second instance) skip it.
 */
public final class DemoData {
  public static final String OPERATOR = "ops@marketdesk.test";
  public static final String ALICE = "alice@provider-a.test";
  public static final String BOB = "bob@provider-b.test";
  public static final String BUYER = "buyer@customer.test";
  public static final String ALICE_ACCOUNT = "100012345678";
  public static final String BOB_ACCOUNT = "100087654321";

  /** A part of the demo data that a feature contributes, loaded in the one demo transaction. */
  @FunctionalInterface
  public interface Loader {
    void load(Handle h);
  }

  private DemoData() {}

  /** The demo's names and texts ({@code config/demo.properties}, bundled). */
  public static Properties text() {
    Properties p = new Properties();
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream("config/demo.properties")) {
      if (in == null) {
        throw new IllegalStateException("config/demo.properties is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The people: one operator, two providers. */
  public static Loader people() {
    return h -> {
      Properties t = text();
      Directory d = new Directory(Clock.systemUTC());
      d.createOperator(h, t.getProperty("people.operator"), List.of(OPERATOR));
      d.createProvider(h, new Provider(0, ALICE_ACCOUNT, t.getProperty("people.alice.company"),
          t.getProperty("people.alice.address"), "91310115MA1K4XXX1A", "400-800-1234", "service@provider-a.test",
          t.getProperty("people.alice.hours"), t.getProperty("people.alice.contact"), "13800138000", ALICE, List.of(ALICE)));
      d.createProvider(h, new Provider(0, BOB_ACCOUNT, t.getProperty("people.bob.company"),
          t.getProperty("people.bob.address"), "91110108MA0B5XXX2B", "400-900-5678", "support@provider-b.test", "7x24",
          t.getProperty("people.bob.contact"), "13900139000", BOB, List.of(BOB)));
    };
  }
}
