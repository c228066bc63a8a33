package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order import reads CSV with Commons CSV: quoted commas, quotes and line breaks, lines named right. */
class OrderImportCsvTest {

  @Test
  void shouldReadQuotedCommasQuotesAndLineBreaksAndNameTheLineARecordStartsOn() throws Exception {
    List<OrderImport.Event> events = OrderImport.csv("Event,orderNo,productId,buyerEmail,price\r\n"
        + "order,A0001,P1001,\"b@x.test\",\"1,000.00\"\r\n"
        + "\r\n"
        + "order,A0002,\"P1\n002\",b@x.test,\"say \"\"hi\"\"\"\n"
        + "paid,A0003,,,\n");
    assertThat(events).hasSize(3);
    assertThat(events.get(0).line()).isEqualTo(2);
    assertThat(events.get(0).price()).isEqualTo("1,000.00");
    assertThat(events.get(0).event()).isEqualTo("order");
    assertThat(events.get(1).productId()).isEqualTo("P1\n002");
    assertThat(events.get(1).price()).isEqualTo("say \"hi\"");
    assertThat(events.get(1).line()).isEqualTo(4);
    assertThat(events.get(2).line()).isEqualTo(6);
    assertThat(events.get(2).orderNo()).isEqualTo("A0003");
    assertThat(events.get(2).language()).isNull();
  }
}
