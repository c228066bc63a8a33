package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.feature.DemoData;
import io.marketdesk.embedded.EmbeddedMailServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's mail server in a JVM of its own, so that the heap and CPU measured in the
 * benchmark's JVM are marketdesk's and not the in-memory mail store's: the embedded GreenMail with
 * the demo users and the benchmark's sink. Prints {@code ports SMTP IMAP} when ready and stops when
 * its standard input closes. {@link #start()} runs it from the benchmark.
 */
public final class MailServerProcess implements AutoCloseable {
  private final Process process;
  private final int smtpPort;
  private final int imapPort;

  private MailServerProcess(Process process, int smtpPort, int imapPort) {
    this.process = process;
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
  }

  public static void main(String[] args) throws IOException {
    EmbeddedMailServer mail = new EmbeddedMailServer(0, 0, Benchmark.SERVICE, App.DEMO_PASSWORD,
        App.demoMailboxes());
    mail.addUser("sink@bench.test", App.DEMO_PASSWORD);
    System.out.println("ports " + mail.smtpPort() + " " + mail.imapPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the benchmark closes our input (or dies)
    }
    mail.close();
    System.exit(0);
  }

  /** Starts the server in a new JVM with the benchmark's class path (2 GB heap: it keeps all mail). */
  public static MailServerProcess start() throws IOException {
    Path log = Files.createTempFile("md-bench-mailserver", ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx2g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MailServerProcess.class.getName());
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("ports ")) {
      // GreenMail's start-up chatter
    }
    if (line == null) {
      p.destroyForcibly();
      throw new IOException("the mail server process did not start; see " + log);
    }
    String[] ports = line.split(" ");
    return new MailServerProcess(p, Integer.parseInt(ports[1]), Integer.parseInt(ports[2]));
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
