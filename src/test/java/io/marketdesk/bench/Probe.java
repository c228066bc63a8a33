package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.app.DemoData;
import io.marketdesk.embedded.EmbeddedMailServer;
import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

public final class Probe {
  public static void main(String[] a) throws Exception {
    EmbeddedMailServer mail = new EmbeddedMailServer(0, 0, "market@marketdesk.test", "demo", DemoData.mailboxes(null));
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
    p.put("mail.imap.partialfetch", "false");
    Session s = Session.getInstance(p);
    Transport t = s.getTransport("smtp");
    t.connect();
    long t0 = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      MimeMessage m = new MimeMessage(s);
      m.setFrom(new InternetAddress(DemoData.ALICE));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("market@marketdesk.test"));
      m.setSubject("x" + i);
      m.setText("help");
      m.saveChanges();
      t.sendMessage(m, m.getAllRecipients());
    }
    System.out.printf("smtp: %.1f ms/mail%n", (System.nanoTime() - t0) / 1e6 / 50);
    Store st = s.getStore("imap");
    st.connect("127.0.0.1", mail.imapPort(), "market@marketdesk.test", "demo");
    Folder f = st.getFolder("INBOX");
    f.open(Folder.READ_ONLY);
    t0 = System.nanoTime();
    Message[] all = f.getMessages();
    FetchProfile fp = new FetchProfile();
    fp.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
    f.fetch(all, fp);
    System.out.printf("imap batch fetch: %.1f ms/mail%n", (System.nanoTime() - t0) / 1e6 / 50);
    for (Message m : all) {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      m.writeTo(o);
    }
    System.out.printf("imap fetch: %.1f ms/mail%n", (System.nanoTime() - t0) / 1e6 / 50);
    System.exit(0);
  }
}
