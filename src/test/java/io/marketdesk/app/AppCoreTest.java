package io.marketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.config.Config;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.feature.Contribution;
import io.marketdesk.store.Database;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link App#core}, the builder the running app and the command line share: every feature's
 * contribution installed, in the order the features are built, with the real holiday calendar, and
 * nothing started.
 */
class AppCoreTest {
  private Path dir;
  private Database db;
  private App.Core core;

  @BeforeEach
  void build() throws Exception {
    dir = Files.createTempDirectory("marketdesk-core");
    String url = TestApp.freshDatabaseUrl(dir);
    db = Database.open(url, "", "", 2);
    core = App.core(Config.of(Map.of("db.url", url)), FakeClock.now(), db, "test");
  }

  @AfterEach
  void close() {
    db.close();
    TestApp.dropFreshDatabase(core.shared().config().dbUrl);
  }

  private List<Contribution> features() {
    return List.of(core.review().contribution(), core.account().contribution(), core.product().contribution(),
        core.order().contribution(), core.settlement().contribution(), core.history().contribution(),
        core.login().contribution(), core.team().contribution(), core.preference().contribution());
  }

  @Test
  void shouldRegisterEveryContributedCommandInTheOrderTheFeaturesAreBuilt() {
    List<String> registered = core.shared().commands().specs().stream().map(CommandSpec::name).toList();
    assertThat(registered.subList(0, 2)).containsExactly("help", "confirm");
    List<String> contributed = core.contribution().commands().stream().map(h -> h.spec().name()).toList();
    assertThat(registered.subList(2, registered.size())).containsExactlyElementsOf(contributed);
    for (Contribution c : features()) {
      for (CommandHandler h : c.commands()) {
        assertThat(core.shared().commands().handler(h.spec().name())).isSameAs(h);
      }
    }
    assertThat(contributed).contains("settlement.confirm");
  }

  @Test
  void shouldInstallConfirmationsGatesSectionsJobsAndDemoData() {
    List<String> purposes = new ArrayList<>();
    for (Confirmable c : core.contribution().confirmables()) {
      purposes.add(c.purpose());
    }
    assertThat(core.shared().confirmations().purposes()).containsAll(purposes).isNotEmpty();
    assertThat(core.contribution().gates()).containsExactly(core.team().gate());
    assertThat(core.contribution().status()).hasSize(4);
    assertThat(core.contribution().personal()).extracting(x -> x.getClass().getSimpleName())
        .containsExactly("ReviewSection", "ProductSection", "OrderSection", "RefundSection", "StatementSection", "AuditSection");
    assertThat(core.contribution().demo()).hasSize(3);
    assertThat(core.contribution().jobs()).extracting(j -> j.name()).contains("settlements", "audit-seal");
    // routes: every feature's, and the personal pages last
    assertThat(core.contribution().web().get(core.contribution().web().size() - 1).getClass().getSimpleName())
        .isEqualTo("MePage");
  }

  @Test
  void shouldUseTheHolidayCalendarAsTheRunningAppDoes() {
    // 2 January 2026 is a Friday off (元旦), 4 January a Sunday worked (config/calendar/cn-2026.txt)
    assertThat(core.shared().calendar().isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
    assertThat(core.shared().calendar().isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
  }

  @Test
  void shouldStartNothing() {
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(n -> n.contains("outbox") || n.contains("imap") || n.contains("intake") || n.contains("scheduler") || n.contains("Javalin")
            || n.contains("JettyServerThreadPool"));
  }
}
