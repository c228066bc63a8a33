package io.marketdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.command.TeamRole;
import io.marketdesk.order.BuyerRoles;
import io.marketdesk.order.OrderStore;
import io.marketdesk.product.ProductDao;
import io.marketdesk.product.ProductType;
import io.marketdesk.store.Database;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory on a real database (SQLite, and PostgreSQL in the pom's postgres profile): providers
 * and operators read back field by field, who an address is, and the buyer role, which only the
 * order feature's lookup adds (the directory reads no orders).
 */
class DirectoryIT {
  static final String ALICE = "alice@provider-a.test";
  static final String ALICE_TOO = "ops@provider-a.test";
  static final String OPS = "ops@market.test";
  static final String BUYER = "buyer@customer.test";

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-28T02:00:00Z"));
  private String url;
  private Database db;

  @BeforeEach
  void start() throws Exception {
    Path dir = Files.createTempDirectory("directory");
    url = TestApp.freshDatabaseUrl(dir);
    db = Database.open(url, "", "", 2);
  }

  @AfterEach
  void stop() {
    db.close();
    TestApp.dropFreshDatabase(url);
  }

  private Provider alice() {
    return new Provider(0, "100012345678", "Cloud Sail Ltd", "1 Bund Road", "91310115MA1K4XXX1A", "400-800-1234",
        "service@provider-a.test", "9-18", "Zhang San", "13800138000", "contact@provider-a.test",
        List.of("Alice@Provider-A.test", ALICE_TOO));
  }

  @Test
  void shouldReadAProviderBackFieldByField() {
    Directory d = new Directory(clock);
    Provider made = db.jdbi().inTransaction(h -> d.createProvider(h, alice()));
    Provider p = db.jdbi().withHandle(h -> d.provider(h, made.id())).orElseThrow();
    assertThat(p).isEqualTo(new Provider(made.id(), "100012345678", "Cloud Sail Ltd", "1 Bund Road", "91310115MA1K4XXX1A",
        "400-800-1234", "service@provider-a.test", "9-18", "Zhang San", "13800138000", "contact@provider-a.test",
        List.of(ALICE, ALICE_TOO)));
    Optional<Provider> byAddress = db.jdbi().withHandle(h -> d.providerByAddress(h, " ALICE@provider-a.test"));
    Optional<Provider> byAccount = db.jdbi().withHandle(h -> d.providerByAccountId(h, "100012345678"));
    assertThat(byAddress).contains(p);
    assertThat(byAccount).contains(p);
    assertThat(db.jdbi().withHandle(d::providers)).containsExactly(p);
  }

  @Test
  void shouldTellWhoAnAddressIs() {
    Directory d = new Directory(clock);
    Provider p = db.jdbi().inTransaction(h -> d.createProvider(h, alice()));
    Operator o = db.jdbi().inTransaction(h -> d.createOperator(h, "Li Si", List.of(OPS, "lead@market.test")));
    assertThat(db.jdbi().withHandle(d::operators)).containsExactly(o);
    assertThat(o.addresses()).containsExactly("lead@market.test", OPS);

    Actor provider = db.jdbi().withHandle(h -> d.actor(h, "Alice@provider-a.test"));
    assertThat(provider.address()).isEqualTo(ALICE);
    assertThat(provider.has(Role.PROVIDER)).isTrue();
    assertThat(provider.has(Role.OPERATOR)).isFalse();
    assertThat(provider.providerId()).isEqualTo(p.id());
    assertThat(provider.accountId()).isEqualTo("100012345678");
    assertThat(provider.operatorId()).isNull();
    assertThat(provider.name()).isEqualTo("Cloud Sail Ltd");
    assertThat(provider.teamRole()).isEqualTo(TeamRole.ADMIN);

    Actor operator = db.jdbi().withHandle(h -> d.actor(h, OPS));
    assertThat(operator.has(Role.OPERATOR)).isTrue();
    assertThat(operator.has(Role.PROVIDER)).isFalse();
    assertThat(operator.operatorId()).isEqualTo(o.id());
    assertThat(operator.providerId()).isNull();
    assertThat(operator.accountId()).isNull();
    assertThat(operator.teamRole()).isNull();
    assertThat(operator.name()).isEqualTo("Li Si");

    Actor stranger = db.jdbi().withHandle(h -> d.actor(h, "nobody@else.test"));
    assertThat(stranger.has(Role.PROVIDER) || stranger.has(Role.OPERATOR) || stranger.has(Role.BUYER)).isFalse();
    assertThat(stranger.name()).isEqualTo("nobody@else.test");
  }

  @Test
  void shouldKnowBuyersOnlyThroughTheOrderFeaturesLookup() {
    Directory plain = new Directory(clock);
    Directory withOrders = new Directory(clock).addLookup(new BuyerRoles(new OrderStore()));
    Provider p = db.jdbi().inTransaction(h -> plain.createProvider(h, alice()));
    db.jdbi().useTransaction(h -> {
      new ProductDao().insert(h, "P1001", p.id(), ProductType.values()[0], clock.millis());
      new OrderStore().insert(h, "20261128000001", "P1001", p.id(), BUYER, 100_00, "zh", clock.millis());
    });
    assertThat(db.jdbi().withHandle(h -> plain.actor(h, BUYER)).has(Role.BUYER)).isFalse();
    Actor buyer = db.jdbi().withHandle(h -> withOrders.actor(h, "Buyer@Customer.test"));
    assertThat(buyer.has(Role.BUYER)).isTrue();
    assertThat(buyer.has(Role.PROVIDER)).isFalse();
    assertThat(db.jdbi().withHandle(h -> withOrders.actor(h, ALICE)).roles()).isEqualTo(Set.of(Role.PROVIDER));
  }
}
