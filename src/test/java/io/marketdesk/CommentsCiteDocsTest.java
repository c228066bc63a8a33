package io.marketdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments and docs cite what a maintainer has: pages under docs/, never a section of a document
 * outside the repository ("SPEC §4", "seed Q&A 3.2"), and every docs page they name exists. The
 * database migrations are left as they are (Flyway checks their checksums).
 */
class CommentsCiteDocsTest {
  private static final Pattern OUTSIDE = Pattern.compile("SPEC ?§|\\bseed('s)? (§|Q&)|\\b[Tt]he seed's\\b|\\bQ&(amp;)?A ?\\d");
  private static final Pattern DOCS_PAGE = Pattern.compile("docs/[A-Za-z0-9_./-]+?\\.md");
  private static final List<String> ROOTS = List.of("src/main/java", "src/test/java", "templates", "config",
      "src/main/resources", "docs", "README.md");

  @Test
  void shouldCiteNoSectionOfADocumentOutsideTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : files()) {
      if (f.toString().contains("docs/adr/") || f.toString().endsWith("CommentsCiteDocsTest.java")) {
        continue;
      }
      String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (OUTSIDE.matcher(lines[i]).find()) {
          found.add(f + ":" + (i + 1) + ": " + lines[i].strip());
        }
      }
    }
    assertThat(found).as("cite a docs/ page instead").isEmpty();
  }

  @Test
  void shouldNameOnlyDocsPagesThatExist() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path f : files()) {
      Matcher m = DOCS_PAGE.matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) {
        if (!Files.exists(Path.of(m.group())) && !f.toString().endsWith("CommentsCiteDocsTest.java")) {
          missing.add(f + " names " + m.group());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<Path> files() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String root : ROOTS) {
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        s.filter(Files::isRegularFile)
            .filter(p -> !p.toString().contains("db/migration"))
            .filter(p -> p.toString().matches(".*\\.(java|ftl|ftlh|properties|txt|md|css|xml)$"))
            .sorted()
            .forEach(all::add);
      }
    }
    return all;
  }
}
