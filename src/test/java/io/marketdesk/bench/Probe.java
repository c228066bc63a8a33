package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.feature.DemoData;
import io.marketdesk.config.Config;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.TestApp;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Times a few round trips and where the time goes, for looking into latency. */
public final class Probe {
  public static void main(String[] a) throws Exception {
    Map<String, String> keys = new HashMap<>(TestApp.baseConfig(Files.createTempDirectory("probe")));
    keys.put("security.replies-per-hour", "1000");
    try (App app = new App(Config.of(keys), Clock.systemUTC()).start()) {
      MailClient mail = new MailClient(app.embedded().smtpPort(), app.embedded().imapPort());
      Thread.sleep(2000);
      for (int i = 0; i < 150; i++) {
        long t0 = System.currentTimeMillis();
        String id = mail.send(DemoData.ALICE, "market@marketdesk.test", "x" + i, "帮助");
        long t1 = System.currentTimeMillis();
        mail.awaitReplyTo(DemoData.ALICE, id);
        long t2 = System.currentTimeMillis();
        long[] r = app.db().jdbi().withHandle(h -> h.createQuery("SELECT i.received_at, i.processed_at, o.created_at, o.sent_at FROM inbound_mail i JOIN outbox o ON o.inbound_id = i.id WHERE i.message_id = :m")
            .bind("m", id).map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).one());
        if (r[3] - t1 > 150 || i % 50 == 0) {
          System.out.printf("PROBE %d sent %d, received +%d, processed +%d, queued +%d, sent +%d, seen +%d%n", i, t1 - t0, r[0] - t1, r[1] - t1, r[2] - t1, r[3] - t1, t2 - t1);
        }
      }
    }
    System.exit(0);
  }
}
