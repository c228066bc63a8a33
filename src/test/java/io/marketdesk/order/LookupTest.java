package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Lookup}: what was found goes on to the next step, a refusal passes through untouched. */
class LookupTest {

  @Test
  void shouldRunTheActionOnWhatWasFound() {
    Lookup<String, String> found = Lookup.found("20261128000123");
    assertThat(found.then(no -> "done " + no)).isEqualTo("done 20261128000123");
  }

  @Test
  void shouldAnswerTheRefusalWithoutRunningTheActionWhenRefused() {
    List<String> ran = new ArrayList<>();
    Lookup<String, String> refused = Lookup.refused("no such order");
    assertThat(refused.then(no -> {
      ran.add(no);
      return "done";
    })).isEqualTo("no such order");
    assertThat(ran).isEmpty();
  }

  @Test
  void shouldStopAtTheFirstRefusalOfAChainOfChecks() {
    Lookup<Integer, String> owned = Lookup.<String, String>found("A-1")
        .flatMap(no -> no.startsWith("A") ? Lookup.found(no.length()) : Lookup.refused("not yours"));
    Lookup<Integer, String> notOwned = Lookup.<String, String>found("B-1")
        .flatMap(no -> no.startsWith("A") ? Lookup.found(no.length()) : Lookup.refused("not yours"));
    Lookup<Integer, String> missing = Lookup.<String, String>refused("missing")
        .flatMap(no -> Lookup.refused("never asked"));
    assertThat(owned).isEqualTo(new Lookup.Found<Integer, String>(3));
    assertThat(notOwned.then(n -> "done")).isEqualTo("not yours");
    assertThat(missing.then(n -> "done")).isEqualTo("missing");
  }
}
