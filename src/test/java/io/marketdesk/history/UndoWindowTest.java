package io.marketdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketdesk.config.Config;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code undo.window}: the default, the environment variable, and the two ways to write it (docs/undo.md). */
class UndoWindowTest {

  @Test
  void shouldBeTenMinutesWhenNotSet() {
    Config c = Config.load(null, Map.of(), Map.of());
    assertThat(HistoryFeature.undoWindow(c.raw("undo.window"))).isEqualTo(Duration.ofMinutes(10));
    assertThat(HistoryFeature.undoWindow("")).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldTakeTheEnvironmentVariableAsADurationOrMinutes() {
    Config c = Config.load(null, Map.of("MARKETDESK_UNDO_WINDOW", "PT3M"), Map.of());
    assertThat(HistoryFeature.undoWindow(c.raw("undo.window"))).isEqualTo(Duration.ofMinutes(3));
    assertThat(HistoryFeature.undoWindow("30")).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void shouldRefuseAWindowThatIsNoDuration() {
    assertThatThrownBy(() -> HistoryFeature.undoWindow("ten minutes")).hasMessageContaining("undo.window");
  }
}
