package io.marketdesk.embedded;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail with TCP_NODELAY on every client socket. GreenMail writes a response in several small
 * writes; with Nagle's algorithm on, each exchange waits for the client's delayed ACK (about 40 ms),
 * which made one IMAP FETCH or SMTP command cost tens of milliseconds on loopback. Only SMTP and
 * IMAP, the two protocols the embedded default serves.
 */
final class NoDelayGreenMail extends GreenMail {
  private AbstractServer smtp;
  private AbstractServer imap;

  NoDelayGreenMail(ServerSetup[] setups) {
    super(setups);
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
    Map<String, AbstractServer> services = new HashMap<>();
    for (ServerSetup s : config) {
      if (s.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
        smtp = new NoDelaySmtp(s, managers);
        services.put(s.getProtocol(), smtp);
      } else if (s.getProtocol().equals(ServerSetup.PROTOCOL_IMAP)) {
        imap = new NoDelayImap(s, managers);
        services.put(s.getProtocol(), imap);
      } else {
        throw new IllegalArgumentException("the embedded server serves SMTP and IMAP only, not " + s.getProtocol());
      }
    }
    return services;
  }

  int smtpPort() {
    return smtp.getPort();
  }

  int imapPort() {
    return imap.getPort();
  }

  private static final class NoDelaySmtp extends AbstractServer {
    NoDelaySmtp(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      return new SmtpHandler(new SmtpCommandRegistry(), managers.getSmtpManager(), socket);
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }

  private static final class NoDelayImap extends AbstractServer {
    NoDelayImap(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }
}
