package io.marketdesk.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionCookieTest {
  private static LoginRoutes routes(String baseUrl) {
    return new LoginRoutes(null, null, null, null, "market@marketdesk.test", baseUrl, Duration.ofMinutes(15));
  }

  @Test
  void shouldMarkTheCookieSecureWhenTheBaseUrlIsHttps() {
    assertThat(routes("https://market.example.com").cookie("abc", 60))
        .isEqualTo("md_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void shouldLeaveSecureOffForAPlainHttpBaseUrl() {
    assertThat(routes("http://localhost:7070").cookie("abc", 60))
        .isEqualTo("md_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
  }

  @Test
  void shouldStoreOnlyAHashOfTheSessionValue() {
    assertThat(Sessions.hash("x")).hasSize(64).isNotEqualTo("x");
  }
}
