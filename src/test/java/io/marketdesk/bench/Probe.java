package io.marketdesk.bench;

import io.marketdesk.app.DemoData;
import io.marketdesk.testing.TestApp;
import java.util.Map;

/** Times a few round trips with timestamps, for looking into latency. */
public final class Probe {
  public static void main(String[] a) throws Exception {
    try (TestApp t = TestApp.start(Map.of("security.replies-per-hour", "1000"))) {
      for (int i = 0; i < 8; i++) {
        long t0 = System.nanoTime();
        String id = t.mail.send(DemoData.ALICE, "market@marketdesk.test", "x" + i, "帮助");
        long t1 = System.nanoTime();
        t.mail.awaitReplyTo(DemoData.ALICE, id);
        System.out.printf("PROBE send %.1f ms, reply %.1f ms%n", (t1 - t0) / 1e6, (System.nanoTime() - t0) / 1e6);
      }
    }
    System.exit(0);
  }
}
