package io.marketdesk;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package dependencies run one way (docs/architecture.md): base, plumbing, features, pipeline,
 * web, app. Three rules, each with the list of what still breaks it today, written out so that
 * anything new fails and the lists only shrink: a line that no longer matches anything fails too
 * ("remove it"). Reads the compiled main classes with ArchUnit; the SQL rule reads web's sources,
 * since ArchUnit sees no SQL strings.
 */
class ArchitectureTest {
  private static final String BASE = "io.marketdesk";
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

  /** The feature packages: each owns its tables, commands, pages and words. */
  private static final Set<String> FEATURES = Set.of("account", "product", "order", "review", "pricing", "settlement",
      "export", "history", "login", "team", "preference", "confirm", "identity");

  /** What a feature never imports: the app that builds it, the web that shows it, the mail pipeline. */
  private static final Set<String> ABOVE_FEATURES = Set.of("app", "web", "intake", "embedded");

  /**
   * Feature classes that still import a package above them ({@code origin -> target}, top-level
   * classes). Shrink after the merge; never add.
   */
  private static final Set<String> KNOWN_FEATURE_IMPORTS = Set.of();

  /**
   * Package dependencies ({@code a -> b}, top-level packages) that still lie on a cycle. Shrink after
   * the merge; never add.
   */
  private static final Set<String> KNOWN_CYCLE_EDGES = Set.of();

  /**
   * The tables of the feature packages (docs/architecture.md): web shows them through the feature's
   * sections and services, and never names one in SQL. The plumbing's tables (inbound_mail, outbox,
   * outbox_attachment, kv, job_run, token, sender_action, written_language) are not in this list.
   */
  private static final Set<String> FEATURE_TABLES = Set.of("audit_chain", "audit_log", "audit_verification",
      "held_notice", "operator", "operator_address", "operator_away", "order_attachment", "order_refund",
      "order_requirement", "orders", "preference", "product", "product_seq", "product_version", "provider",
      "provider_address", "review", "review_list", "review_list_item", "settlement", "settlement_line", "web_session");

  /** web/ sources that still name a feature's table in SQL ({@code File.java: table}). Shrink, never add. */
  private static final Set<String> KNOWN_WEB_SQL = Set.of();

  private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:FROM|JOIN|UPDATE|INSERT INTO)\\s+([a-z_]+)\\b");

  @Test
  void shouldKeepFeaturesFreeOfAppWebAndPipeline() {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : MAIN) {
      if (!FEATURES.contains(slice(c))) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        if (ABOVE_FEATURES.contains(slice(d.getTargetClass()))) {
          found.add(name(c) + " -> " + name(d.getTargetClass()));
        }
      }
    }
    assertThat(found).as("a feature imports app, web, intake or embedded (docs/architecture.md)")
        .isSubsetOf(KNOWN_FEATURE_IMPORTS);
    assertThat(KNOWN_FEATURE_IMPORTS).as("fixed: remove from KNOWN_FEATURE_IMPORTS").isSubsetOf(found);
  }

  @Test
  void shouldHaveNoNewCycleBetweenPackages() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (JavaClass c : MAIN) {
      String a = slice(c);
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String b = slice(d.getTargetClass());
        if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
          graph.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
        }
      }
    }
    Set<String> onCycle = new TreeSet<>();
    graph.forEach((a, targets) -> targets.stream().filter(b -> reaches(graph, b, a)).forEach(b -> onCycle.add(a + " -> " + b)));
    assertThat(onCycle).as("a dependency that closes a cycle between packages (docs/architecture.md)")
        .isSubsetOf(KNOWN_CYCLE_EDGES);
    assertThat(KNOWN_CYCLE_EDGES).as("no longer on a cycle: remove from KNOWN_CYCLE_EDGES").isSubsetOf(onCycle);
  }

  /** ArchUnit's own cycle rule, with the known edges above ignored: once they are gone, nothing is. */
  @Test
  void shouldPassArchUnitsCycleRuleBesidesTheKnownEdges() {
    SliceRule rule = slices().matching(BASE + ".(*)..").should().beFreeOfCycles();
    for (String edge : KNOWN_CYCLE_EDGES) {
      String[] ab = edge.split(" -> ");
      rule = rule.ignoreDependency(inPackage(ab[0]), inPackage(ab[1]));
    }
    rule.check(MAIN);
  }

  @Test
  void shouldKeepFeatureTablesOutOfWebSql() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/io/marketdesk/web"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = SQL_TABLE.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          if (FEATURE_TABLES.contains(m.group(1))) {
            found.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(found).as("web names a feature's table in SQL: ask the feature's store or section instead")
        .isSubsetOf(KNOWN_WEB_SQL);
    assertThat(KNOWN_WEB_SQL).as("fixed: remove from KNOWN_WEB_SQL").isSubsetOf(found);
  }

  @Test
  void shouldSeeTheSqlAndTheDependenciesItLooksFor() {
    // the rules above would pass on nothing: make sure they read what they check
    assertThat(MAIN.stream().map(ArchitectureTest::slice).filter(FEATURES::contains).distinct().count())
        .isEqualTo(FEATURES.size());
    Matcher m = SQL_TABLE.matcher("SELECT id FROM orders o JOIN product p ON p.id = o.product_id");
    assertThat(m.find() && m.group(1).equals("orders") && m.find() && m.group(1).equals("product")).isTrue();
  }

  private static DescribedPredicate<JavaClass> inPackage(String slice) {
    return DescribedPredicate.describe("in " + slice, c -> slice.equals(slice(c)));
  }

  /** The top-level package under io.marketdesk ("(root)" for Main and Banner); "" outside. */
  private static String slice(JavaClass c) {
    String p = c.getPackageName();
    if (!p.startsWith(BASE)) {
      return "";
    }
    if (p.equals(BASE)) {
      return "(root)";
    }
    String rest = p.substring(BASE.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** {@code package.TopLevelClass}, nested and anonymous classes counted as their outermost class. */
  private static String name(JavaClass c) {
    String simple = c.getName().substring(c.getPackageName().length() + 1).replaceAll("\\$.*", "");
    return slice(c) + "." + simple;
  }

  private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String x = todo.pop();
      if (x.equals(to)) {
        return true;
      }
      if (seen.add(x)) {
        todo.addAll(graph.getOrDefault(x, Set.of()));
      }
    }
    return false;
  }
}
