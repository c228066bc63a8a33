package io.marketdesk.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Mail connections with TCP_NODELAY. Jakarta Mail writes a command and its end in separate writes
 * (the SMTP data and its closing dot; IMAP's DONE and the next command), and with Nagle's algorithm
 * the second waits for the server's delayed ACK of the first: about 40 ms a round on Linux, which
 * was most of a reply's time on a quiet real mail server (docs/BENCHMARKS.md).
 */
public final class NoDelaySockets {
  private NoDelaySockets() {}

  /**
   * Sets the plain and the TLS socket factory of a protocol ({@code imap}, {@code smtps}, ...) so
   * that every socket has TCP_NODELAY; call after {@link MailTls#apply}, whose TLS factory it wraps
   * (STARTTLS layers TLS over the plain socket, which keeps the option).
   */
  public static void apply(Properties p, String protocol) {
    p.put("mail." + protocol + ".socketFactory", new Plain());
    Object tls = p.get("mail." + protocol + ".ssl.socketFactory");
    if (tls instanceof SSLSocketFactory f) {
      p.put("mail." + protocol + ".ssl.socketFactory", new EachSslSocket(f, NoDelaySockets::noDelay));
    }
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  private static final class Plain extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
      return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(new Socket(host, port, local, localPort));
    }
  }
}
