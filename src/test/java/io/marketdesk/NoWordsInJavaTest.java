package io.marketdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No sentence a person reads is written in Java: a CJK character (ideograph, CJK punctuation,
 * full-width form) outside a comment in src/main/java fails the build. Words live in
 * templates/messages/ and the templates (docs/languages.md).
 */
class NoWordsInJavaTest {
  /**
   * Files whose grammar words are still in Java, each with what is left; the parser work moves
   * them to {@code grammar/} files, after which these entries are to be removed (an entry for a
   * file without CJK characters is harmless and ignored).
   */
  private static final java.util.Map<String, String> PENDING = java.util.Map.of(
      "src/main/java/io/marketdesk/command/CommandParser.java", "subject prefixes (回复, 转发) and the 详情 field key",
      "src/main/java/io/marketdesk/pricing/PriceChangeSentence.java", "the console guide's price-change sentence grammar");

  @Test
  void shouldHoldNoCjkCharacterOutsideCommentsInMainJava() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
        String[] lines = code.split("\n", -1);
        String name = f.toString().replace('\\', '/');
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].codePoints().anyMatch(NoWordsInJavaTest::cjk)) {
            if (!PENDING.containsKey(name)) {
              found.add(name + ":" + (i + 1) + ": " + lines[i].strip());
            }
          }
        }
      }
    }
    assertThat(found).as("CJK characters outside comments").isEmpty();
  }

  @Test
  void shouldSeeCjkInCodeButNotInComments() {
    assertThat(withoutComments("// 帮助\n/* 帮助 */ int a; /** 帮助\n * 帮助 */").codePoints().anyMatch(NoWordsInJavaTest::cjk))
        .isFalse();
    assertThat(withoutComments("String s = \"帮助\"; // x").codePoints().anyMatch(NoWordsInJavaTest::cjk)).isTrue();
    assertThat(withoutComments("String s = \"// 帮助\";").codePoints().anyMatch(NoWordsInJavaTest::cjk)).isTrue();
    assertThat(withoutComments("char c = '，';").codePoints().anyMatch(NoWordsInJavaTest::cjk)).isTrue();
  }

  static boolean cjk(int c) {
    Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || b == Character.UnicodeBlock.BOPOMOFO;
  }

  /** The source with comments blanked (line breaks kept), strings and characters kept. */
  static String withoutComments(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
        while (i < src.length() && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
        int end = src.indexOf("*/", i + 2);
        end = end < 0 ? src.length() : end + 2;
        for (int j = i; j < end; j++) {
          if (src.charAt(j) == '\n') {
            out.append('\n');
          }
        }
        i = end;
      } else if (c == '"' || c == '\'') {
        boolean block = c == '"' && src.startsWith("\"\"\"", i);
        String close = block ? "\"\"\"" : String.valueOf(c);
        int j = i + close.length();
        while (j < src.length() && !src.startsWith(close, j)) {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(src.length(), j + close.length());
        out.append(src, i, j);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
