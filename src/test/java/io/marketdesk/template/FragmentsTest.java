package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code <@fragment>}: a shared part of a page rendered once per distinct parameters (docs/mail-design.md). */
class FragmentsTest {
  private final Fragments fragments = new Fragments();
  private final StringTemplateLoader loader = new StringTemplateLoader();
  private Configuration cfg;

  /** What a template reads, counting how often it is read. */
  public static final class Words {
    private final AtomicInteger reads = new AtomicInteger();

    public String of(String s) {
      reads.incrementAndGet();
      return s.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @BeforeEach
  void setUp() {
    cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(loader);
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    cfg.setSharedVariable("fragment", fragments);
    cfg.setRecognizeStandardFileExtensions(true);
  }

  private String render(String name, Object model) throws Exception {
    Template t = cfg.getTemplate(name);
    StringWriter out = new StringWriter();
    t.process(model, out);
    return out.toString();
  }

  @Test
  void aPartWithTheSameParametersIsRenderedOnceAndWrittenTheSameEveryTime() throws Exception {
    loader.putTemplate("page.ftlh", "<#list items as i>[<@fragment item=i lang=lang><b>${w.of(i)}</b></@fragment>]</#list>");
    Words w = new Words();
    String first = render("page.ftlh", Map.of("items", List.of("a<", "b", "a<"), "lang", "zh", "w", w));
    String second = render("page.ftlh", Map.of("items", List.of("b", "a<"), "lang", "zh", "w", w));
    assertThat(first).isEqualTo("[<b>A&lt;</b>][<b>B</b>][<b>A&lt;</b>]");
    assertThat(second).isEqualTo("[<b>B</b>][<b>A&lt;</b>]");
    assertThat(w.reads).hasValue(2);
    // another language is another part
    assertThat(render("page.ftlh", Map.of("items", List.of("b"), "lang", "en", "w", w))).isEqualTo("[<b>B</b>]");
    assertThat(w.reads).hasValue(3);
  }

  @Test
  void aTemplateReadAgainStartsAfresh() throws Exception {
    loader.putTemplate("page.ftlh", "<@fragment k=1>one</@fragment>");
    assertThat(render("page.ftlh", Map.of())).isEqualTo("one");
    // a changed template is a new Template: its parts are not the old one's
    loader.putTemplate("page.ftlh", "<@fragment k=1>two</@fragment>", System.currentTimeMillis() + 10_000);
    cfg.clearTemplateCache();
    assertThat(render("page.ftlh", Map.of())).isEqualTo("two");
  }

  @Test
  void atMostMaxPartsAreKept() throws Exception {
    loader.putTemplate("many.ftlh", "<#list 1..n as i><@fragment i=i>${i}</@fragment></#list>");
    render("many.ftlh", Map.of("n", Fragments.MAX + 500));
    assertThat(fragments.size()).isEqualTo(Fragments.MAX);
  }

  @Test
  void aFragmentNeedsParametersAndABody() {
    loader.putTemplate("bare.ftlh", "<@fragment>x</@fragment>");
    loader.putTemplate("empty.ftlh", "<@fragment k=1/>");
    assertThatThrownBy(() -> render("bare.ftlh", Map.of())).hasMessageContaining("fragment");
    assertThatThrownBy(() -> render("empty.ftlh", Map.of())).hasMessageContaining("fragment");
  }
}
