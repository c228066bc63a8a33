package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.embedded.EmbeddedMailServer;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.AuthCommand;
import com.icegreen.greenmail.smtp.commands.HeloCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
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
 * the demo users and the benchmark's sink. Its SMTP server announces 8BITMIME, as Postfix does
 * ({@link #announceEightBitMime()}). Prints {@code ports SMTP IMAP} when ready and stops when
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

  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    announceEightBitMime();
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

  /**
   * GreenMail's EHLO answer lacks 8BITMIME, though it stores 8-bit bytes as they come (the embedded
   * server's mail goes 8bit). Without it a client that follows the protocol sends Chinese text
   * quoted-printable, three bytes on the wire for each byte of UTF-8, where a real server (Postfix,
   * Dovecot's submission) takes it as it is: the benchmark measured mostly that encoding. GreenMail
   * looks its commands up in one static table; EHLO there now answers as Postfix does.
   */
  static void announceEightBitMime() throws ReflectiveOperationException {
    java.lang.reflect.Field table = SmtpCommandRegistry.class.getDeclaredField("commands");
    table.setAccessible(true);
    @SuppressWarnings("unchecked")
    java.util.Map<String, SmtpCommand> commands = (java.util.Map<String, SmtpCommand>) table.get(null);
    commands.put("EHLO", new EightBitEhlo());
  }

  /** GreenMail's EHLO, with {@code 250-8BITMIME} among the extensions. */
  static final class EightBitEhlo extends HeloCommand {
    @Override
    public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine) {
      conn.setHeloName(commandLine.length() > 5 ? commandLine.substring(5) : null);
      state.clearMessage();
      conn.send("250-" + conn.getServerGreetingsName());
      conn.send("250-8BITMIME");
      conn.send("250 AUTH " + AuthCommand.SUPPORTED_AUTH_MECHANISM);
    }
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
