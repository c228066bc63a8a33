package io.marketdesk.template;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one Freemarker configuration over {@code templates/}: mail templates ({@code mail/LANG/*.ftl},
 * plain text) and pages ({@code web/*.ftlh}, HTML auto-escaped). Records are exposed with their
 * components as properties. A configured folder is searched before the bundled templates.
 * Thread-safe.
 */
public final class Templates {
  private final Configuration cfg;
  private final Catalog catalog;
  private final Fragments fragments = new Fragments();

  public Templates(String overrideDir) {
    cfg = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (overrideDir != null && !overrideDir.isBlank()) {
      try {
        loaders.add(new FileTemplateLoader(new File(overrideDir)));
      } catch (IOException e) {
        throw new UncheckedIOException("templates.dir " + overrideDir, e);
      }
    }
    loaders.add(new ClassTemplateLoader(Templates.class.getClassLoader(), "templates"));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setNumberFormat("computer");
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    catalog = new Catalog(cfg);
    cfg.setSharedVariable("msg", (freemarker.template.TemplateMethodModelEx) this::msg);
    // <@fragment name=value …>…</@fragment>: a part many mails share, rendered once (Fragments)
    cfg.setSharedVariable("fragment", fragments);
    // languages(): the languages of messages/languages.txt, for the pages' language links
    cfg.setSharedVariable("languages", (freemarker.template.TemplateMethodModelEx) args -> catalog.languages());
  }

  /**
   * {@code msg(lang, key, name, value, …)} in a template: the catalog's text of {@code key} in
   * {@code lang} (pages and mails word labels and states through it).
   */
  private Object msg(List<?> args) throws freemarker.template.TemplateModelException {
    if (args.size() < 2) {
      throw new freemarker.template.TemplateModelException("msg(lang, key, name, value…)");
    }
    Object[] nameValues = new Object[args.size() - 2];
    for (int i = 2; i < args.size(); i++) {
      nameValues[i - 2] = freemarker.template.utility.DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
    }
    return catalog.text(String.valueOf(args.get(0)), String.valueOf(args.get(1)), nameValues);
  }

  /** The message catalog over {@code messages/LANG.properties}, searched like the templates. */
  public Catalog catalog() {
    return catalog;
  }

  /** Renders a template to a string. */
  public String render(String name, Object model) {
    try {
      Template t = cfg.getTemplate(name);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name, e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
    }
  }

  /** True when the template exists. */
  public boolean exists(String name) {
    try {
      cfg.getTemplate(name);
      return true;
    } catch (freemarker.template.TemplateNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renders a mail template whose first line is the subject ({@code Subject: ...} or just the text)
   * and the rest, after one blank line, the body.
   */
  public RenderedMail renderMail(String name, Object model) {
    String text = render(name, model).replace("\r\n", "\n");
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    String body = nl < 0 ? "" : text.substring(nl + 1);
    if (first.startsWith("Subject:")) {
      first = first.substring("Subject:".length());
    }
    while (body.startsWith("\n")) {
      body = body.substring(1);
    }
    return new RenderedMail(first.trim(), body.stripTrailing() + "\n");
  }

  public Configuration configuration() {
    return cfg;
  }

  /**
   * A rendered mail: one subject line and a plain-text body, with what it was rendered from so that
   * its HTML part can be made from the same (docs/mail-design.md).
   *
   * @param lang the language code, or null when not known
   * @param template the template's name ({@code order-paid}), or null
   * @param model the template's model, or null
   */
  public record RenderedMail(String subject, String body, String lang, String template, Object model) {
    public RenderedMail(String subject, String body) {
      this(subject, body, null, null, null);
    }

    /** The same mail under another subject. */
    public RenderedMail withSubject(String newSubject) {
      return new RenderedMail(newSubject, body, lang, template, model);
    }
  }
}
