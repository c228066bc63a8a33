package io.marketdesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.marketdesk.feature.ApiException;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server (Javalin): the modules' routes, JSON errors for the API, and static assets from the
 * classpath. No external assets.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  /** A route as it was added: its method, its path and its roles ({@link Web.Access}). */
  public record Route(String method, String path, Set<RouteRole> roles) {}

  public WebServer(Web web, List<WebModule> modules) {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.jsonMapper(new JavalinJackson(mapper, false));
      cfg.http.defaultContentType = "application/json";
      cfg.events.handlerAdded(h -> routes.add(new Route(h.getHttpMethod().name(), h.getPath(), Set.copyOf(h.getRoles()))));
      cfg.staticFiles.add(s -> {
        s.hostedPath = "/assets";
        s.directory = "/web/assets";
        s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
      });
    });
    app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(error(e.status(), e.getMessage())));
    app.exception(com.fasterxml.jackson.core.JacksonException.class,
        (e, ctx) -> ctx.status(400).json(error(400, "the body is not valid JSON: " + e.getOriginalMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      ctx.status(500).json(error(500, "internal error"));
    });
    app.error(404, ctx -> {
      if (ctx.path().startsWith("/api/") && ctx.result() == null) {
        ctx.json(error(404, "not found"));
      }
    });
    // the languages a page may be in are the message files' (Web.lang, docs/languages.md)
    app.before(ctx -> ctx.attribute(Web.CATALOG, web.templates().catalog()));
    // the API's bearer token, for every /api/ route there is and will be (docs/web.md)
    app.beforeMatched("/api/*", ctx -> {
      if (!ctx.routeRoles().contains(Web.Access.PUBLIC)) {
        web.requireApiToken(ctx);
      }
    });
    for (WebModule m : modules) {
      m.routes(app, web);
    }
  }

  private static Map<String, Object> error(int status, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", message);
    return m;
  }

  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Every route added, in the order added (before and after handlers too). */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  public Javalin javalin() {
    return app;
  }

  @Override
  public void close() {
    app.stop();
  }
}
