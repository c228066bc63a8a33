package io.marketdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OnboardingCliTest {
  Path config;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void setUp() throws Exception {
    Path dir = Files.createTempDirectory("marketdesk-cli");
    config = dir.resolve("test.properties");
    Files.writeString(config, "db.url=jdbc:sqlite:" + dir.resolve("cli.db") + "\n");
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return cl.execute(all);
  }

  @Test
  void shouldAddAndListProviderWhenEveryFieldIsValid() {
    assertThat(run("provider", "add", "--account-id", "100033334444", "--company", "星河云", "--email", "Zhang@XingHe.test",
        "--company-address", "深圳市南山区", "--credit-code", "91440300708461136T", "--contact", "张三",
        "--contact-phone", "13700137000")).isZero();
    assertThat(out.toString()).contains("created provider 100033334444 星河云 [zhang@xinghe.test]");
    assertThat(run("provider", "list")).isZero();
    assertThat(out.toString()).contains("100033334444\t星河云\tzhang@xinghe.test");
    assertThat(run("provider", "add", "--account-id", "100033335555", "--company", "别家", "--email", "zhang@xinghe.test",
        "--company-address", "深圳", "--credit-code", "91440300708461136T", "--contact", "李", "--contact-phone",
        "13700137001")).isEqualTo(1);
    assertThat(err.toString()).contains("conflict: address zhang@xinghe.test is already registered");
  }

  @Test
  void shouldListEveryProblemWhenFieldsAreInvalid() {
    assertThat(run("provider", "add", "--account-id", "12a", "--company", "X", "--email", "nope",
        "--credit-code", "91440300708461136A", "--contact-phone", "phone")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid: accountId").contains("invalid: companyAddress").contains("invalid: creditCode")
        .contains("invalid: contactName").contains("invalid: contactPhone").contains("\"nope\" is not an email address");
  }

  @Test
  void shouldAddOperatorAndRefuseTheServiceAddress() {
    assertThat(run("operator", "add", "--name", "运营小李", "--email", "li@marketdesk.test")).isZero();
    assertThat(out.toString()).contains("created operator");
    assertThat(run("operator", "list")).isZero();
    assertThat(out.toString()).contains("运营小李\tli@marketdesk.test");
    assertThat(run("operator", "add", "--name", "X", "--email", "market@marketdesk.test")).isEqualTo(1);
    assertThat(err.toString()).contains("refused:").contains("service's own address");
  }
}
