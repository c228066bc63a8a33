package io.marketdesk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.Main;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code marketdesk settlement run --month 2026-11} on a database: the statements once, then never again. */
class SettlementCliIT {

  String run(Path config, String... args) {
    StringWriter out = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(all);
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void shouldMakeTheMonthsStatementsOnceFromTheCommandLine() throws Exception {
    Assumptions.assumeFalse(TestApp.onPostgres(), "the CLI reads the SQLite file of the test");
    Path dir = Files.createTempDirectory("settle-cli");
    String url = TestApp.freshDatabaseUrl(dir);
    Map<String, String> keys = new HashMap<>(Map.of("api.token", "t", "settlement.day", "28", "db.url", url));
    // the demo orders, made on 2026-11-20: alice's completed ones fall in November
    try (TestApp t = TestApp.start(keys, new FakeClock(Instant.parse("2026-11-20T01:00:00Z")))) {
      assertThat(t.app.db().dialect()).isNotNull();
    }
    Path config = dir.resolve("cli.properties");
    Files.writeString(config, "db.url=" + url + "\n");
    assertThat(run(config, "settlement", "run", "--month", "2026-11"))
        .contains("settlement 2026-11: 1 made [S202611-" + DemoData.ALICE_ACCOUNT + "], 0 already made");
    assertThat(run(config, "settlement", "run", "--month", "2026-11"))
        .contains("settlement 2026-11: 0 made [], 1 already made [S202611-" + DemoData.ALICE_ACCOUNT + "]");
  }
}
