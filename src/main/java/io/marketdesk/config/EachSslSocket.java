package io.marketdesk.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS socket factory that gives every socket of another one a step before use: the host name check
 * of {@link MailTls}, TCP_NODELAY of {@link NoDelaySockets}.
 */
final class EachSslSocket extends SSLSocketFactory {
  /** What is done to each new socket. */
  @FunctionalInterface
  interface Step {
    Socket apply(Socket s) throws IOException;
  }

  private final SSLSocketFactory delegate;
  private final Step step;

  EachSslSocket(SSLSocketFactory delegate, Step step) {
    this.delegate = delegate;
    this.step = step;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return step.apply(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return step.apply(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return step.apply(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return step.apply(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return step.apply(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return step.apply(delegate.createSocket(address, port, localAddress, localPort));
  }
}
