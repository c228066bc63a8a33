package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.template.MailHtmlTest.Rendered;
import io.marketdesk.web.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every mail kind's HTML part in a real browser (Debian's headless chromium), 390 px and 1280 px wide,
 * in the light and the dark colour scheme: nothing runs off the side on a phone, every piece of text
 * keeps a contrast of at least 4.5:1 against what is behind it, the step bar's current step, the
 * buttons and the amounts are on screen. A harness page (test code, not part of any mail) holds each
 * mail in an iframe and measures it; screenshots go to target/screenshots/mail for a person to look
 * at. Fails when chromium is missing and CI=true, is skipped otherwise.
 */
class MailHtmlBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots", "mail");
  static final Path HARNESS = Path.of("target", "mail-html-harness");
  static Chromium chromium;
  static List<Rendered> mails;

  @BeforeAll
  static void start() throws IOException {
    chromium = Chromium.find().orElse(null);
    if (chromium == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("chromium is not installed, and CI=true: apt-get install -y chromium");
    }
    Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium)");
    mails = MailHtmlTest.all(new Templates(null));
    for (Rendered r : mails) {
      MailHtmlTest.write(r);
    }
  }

  @Test
  void shouldShowEveryMailKindReadablyOnAPhoneAndADesktopInLightAndDark() throws IOException {
    List<String> problems = new ArrayList<>();
    for (int width : new int[] {390, 1280}) {
      for (boolean dark : new boolean[] {false, true}) {
        Map<String, Map<String, String>> seen = measure(width, dark);
        String where = width + (dark ? " dark" : " light");
        assertThat(seen).as(where).hasSize(mails.size());
        for (Rendered r : mails) {
          String id = r.lang().code() + "/" + r.name();
          Map<String, String> m = seen.get(id);
          if (!m.get("overflow").equals("0")) {
            problems.add(where + " " + id + ": " + m.get("overflow") + " px wider than the screen");
          }
          if (!m.get("contrast").isEmpty()) {
            problems.add(where + " " + id + ": low contrast " + m.get("contrast"));
          }
          if (!m.get("offscreen").isEmpty()) {
            problems.add(where + " " + id + ": off screen " + m.get("offscreen"));
          }
          if (!m.get("scheme").equals(dark ? "dark" : "light")) {
            problems.add(where + " " + id + ": the card is " + m.get("scheme"));
          }
        }
        Map<String, String> awaiting = seen.get("zh/order-awaiting");
        assertThat(awaiting.get("now")).as(where).isEqualTo("● 处理中 （当前）");
        assertThat(awaiting.get("buttons")).as(where).contains("✉ 确认完成 20261128000123");
        assertThat(awaiting.get("text")).as(where).contains("¥1,000.00").contains("20261128000123");
        Map<String, String> paid = seen.get("en/provider-order-paid");
        assertThat(paid.get("now")).as(where).isEqualTo("● implementing (now)");
        assertThat(paid.get("buttons")).as(where).contains("✉ start 20261128000123");
        Map<String, String> review = seen.get("zh-Hant/review-request");
        assertThat(review.get("buttons")).as(where).isEqualTo("✉ 同意 | ✉ 拒絕（寫上理由）");
        assertThat(review.get("text")).as(where).contains("¥1,000.00").contains("¥880.00").contains("2026-12-04");
        Map<String, String> digest = seen.get("zh/review-digest");
        assertThat(digest.get("text")).as(where).contains("#13").contains("2026-12-04");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldKeepScreenshotsOfTheMainMailKinds() throws IOException {
    for (String name : List.of("zh/order-awaiting", "zh/provider-order-paid", "zh/review-request", "en/review-digest",
        "zh-Hant/reply", "en/provider-settlement")) {
      Path file = MailHtmlTest.OUT.resolve(name + ".html").toAbsolutePath();
      String shot = name.replace('/', '-');
      for (boolean dark : new boolean[] {false, true}) {
        Chromium c = dark ? chromium.with("--force-dark-mode") : chromium;
        String scheme = dark ? "-dark" : "-light";
        assertThat(c.screenshot(file.toUri().toString(), SHOTS.resolve(shot + "-390" + scheme + ".png"), 390, 1400))
            .isNotEmptyFile();
        assertThat(c.screenshot(file.toUri().toString(), SHOTS.resolve(shot + "-1280" + scheme + ".png"), 1280, 1000))
            .isNotEmptyFile();
      }
    }
  }

  /** Loads every mail in an iframe of this width and reads what the harness measured, by mail. */
  private static Map<String, Map<String, String>> measure(int width, boolean dark) throws IOException {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>");
    for (Rendered r : mails) {
      page.append("<iframe data-id=\"").append(r.lang().code()).append('/').append(r.name())
          .append("\" style=\"width:").append(width).append("px;height:2600px;border:0;display:block\" srcdoc=\"")
          .append(r.html().replace("&", "&amp;").replace("\"", "&quot;")).append("\"></iframe>");
    }
    page.append("<pre id=\"results\"></pre><script>").append(HARNESS_SCRIPT).append("</script></body></html>");
    Files.createDirectories(HARNESS);
    Path file = HARNESS.resolve("harness-" + width + (dark ? "-dark" : "-light") + ".html").toAbsolutePath();
    Files.writeString(file, page, StandardCharsets.UTF_8);
    Chromium c = (dark ? chromium.with("--force-dark-mode") : chromium).with("--virtual-time-budget=20000",
        "--window-size=" + (width + 40) + ",900");
    String dom = c.dumpDom(file.toUri().toString());
    Matcher m = Pattern.compile("(?s)<pre id=\"results\">(.*?)</pre>").matcher(dom);
    assertThat(m.find()).as("the harness wrote its results").isTrue();
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String line : m.group(1).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Map<String, String> one = out.computeIfAbsent(f[0], k -> new LinkedHashMap<>());
      one.put(f[1], unescape(f.length > 2 ? f[2] : ""));
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  /** Measures each iframe's mail: overflow, contrast of every text, what is on screen. */
  private static final String HARNESS_SCRIPT = String.join("\n",
      "function rgb(s){var m=s.match(/[\\d.]+/g)||[0,0,0,0];return m.map(Number).concat(m.length<4?[1]:[]);}",
      "function lum(c){var a=c.slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);});"
          + "return 0.2126*a[0]+0.7152*a[1]+0.0722*a[2];}",
      "function bg(w,e){while(e){var c=rgb(w.getComputedStyle(e).backgroundColor);if(c[3]>0)return c;e=e.parentElement;}"
          + "return [255,255,255,1];}",
      "function ratio(a,b){var x=lum(a),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05);}",
      "window.addEventListener('load',function(){var out=[];",
      "document.querySelectorAll('iframe').forEach(function(f){var id=f.dataset.id,d=f.contentDocument,w=f.contentWindow;",
      " function put(k,v){out.push(id+'\\t'+k+'\\t'+String(v).replace(/[\\t\\n]+/g,' '));}",
      " put('overflow',Math.max(0,d.documentElement.scrollWidth-w.innerWidth));",
      " var low=[];d.body.querySelectorAll('*').forEach(function(e){var own=Array.prototype.some.call(e.childNodes,"
          + "function(n){return n.nodeType===3&&n.textContent.trim();});if(!own)return;var s=w.getComputedStyle(e);"
          + "var r=ratio(rgb(s.color),bg(w,e));if(r<4.5)low.push(e.textContent.trim().slice(0,20)+' '+r.toFixed(2));});",
      " put('contrast',low.join(' | '));",
      " var off=[];d.querySelectorAll('a, .md-now').forEach(function(e){var b=e.getBoundingClientRect();"
          + "if(b.width===0||b.left<0||b.right>w.innerWidth+1)off.push(e.textContent.trim().slice(0,30));});",
      " put('offscreen',off.join(' | '));",
      " var card=d.querySelector('.md-card');put('scheme',lum(bg(w,card))<0.2?'dark':'light');",
      " var now=d.querySelector('td.md-now');put('now',now?now.innerText.replace(/\\s+/g,' ').trim():'');",
      " put('buttons',Array.prototype.map.call(d.querySelectorAll('a[href^=\"mailto:\"]'),function(a){return a.innerText.trim();}).join(' | '));",
      " put('text',d.body.innerText);",
      "});document.getElementById('results').textContent=out.join('\\n');});");
}
