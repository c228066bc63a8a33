package io.marketdesk.template;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <@fragment name=value …>…</@fragment>} in a template: the nested output, rendered once and
 * kept by its parameters, for a part of a page that many mails share word for word (a help reply's paragraphs,
 * the same for every provider writing in one language; docs/mail-design.md). The parameters must
 * hold everything the nested part reads, as values with equals (strings, booleans, records, lists);
 * the template itself is part of the key, so a template read again (a changed {@code templates.dir}) starts
 * afresh. The {@value #MAX} most recently used fragments are kept. Thread-safe.
 */
final class Fragments implements TemplateDirectiveModel {
  static final int MAX = 2_000;

  private final Map<List<Object>, String> kept = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
      return size() > MAX;
    }
  };

  @Override
  public void execute(Environment env, @SuppressWarnings("rawtypes") Map params, TemplateModel[] loopVars,
      TemplateDirectiveBody body) throws TemplateException, IOException {
    if (params.isEmpty() || body == null) {
      throw new TemplateModelException("fragment: the parameters it is kept by, and a body");
    }
    Object[] values = new Object[params.size() * 2 + 1];
    values[0] = env.getCurrentTemplate();
    int i = 1;
    for (Object e : params.entrySet()) {
      Map.Entry<?, ?> p = (Map.Entry<?, ?>) e;
      values[i++] = p.getKey();
      values[i++] = DeepUnwrap.unwrap((TemplateModel) p.getValue());
    }
    List<Object> id = Arrays.asList(values);
    String html;
    synchronized (kept) {
      html = kept.get(id);
    }
    if (html == null) {
      StringWriter out = new StringWriter(1024);
      body.render(out);
      html = out.toString();
      synchronized (kept) {
        kept.put(id, html);
      }
    }
    env.getOut().write(html);
  }

  /** How many fragments are kept (tests). */
  int size() {
    synchronized (kept) {
      return kept.size();
    }
  }
}
