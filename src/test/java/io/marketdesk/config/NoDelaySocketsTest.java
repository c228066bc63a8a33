package io.marketdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
  @Test
  void shouldGiveEveryMailSocketTcpNoDelayAndKeepTheTrustedTlsFactoryUnderneath() throws Exception {
    Properties p = new Properties();
    MailTls.of("", "").apply(p, "smtp");
    Object trusted = p.get("mail.smtp.ssl.socketFactory");
    NoDelaySockets.apply(p, "smtp");
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      SocketFactory plain = (SocketFactory) p.get("mail.smtp.socketFactory");
      try (Socket s = plain.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        assertThat(s.getTcpNoDelay()).isTrue();
      }
      SSLSocketFactory tls = (SSLSocketFactory) p.get("mail.smtp.ssl.socketFactory");
      assertThat(tls).isNotSameAs(trusted);
      assertThat(tls.getSupportedCipherSuites()).containsExactly(((SSLSocketFactory) trusted).getSupportedCipherSuites());
      // STARTTLS: TLS layered over the plain socket, which keeps the option
      try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          Socket layered = tls.createSocket(raw, "localhost", server.getLocalPort(), true)) {
        assertThat(raw.getTcpNoDelay()).isTrue();
        assertThat(layered.getTcpNoDelay()).isTrue();
      }
    }
  }
}
