package io.marketdesk.identity;

import java.util.List;

/**
 * A service provider (服务商): its account ID, company, customer-service and contact fields, and the
 * sender addresses it logs in with. Immutable.
 */
public record Provider(
    long id,
    String accountId,
    String companyName,
    String companyAddress,
    String creditCode,
    String csPhone,
    String csEmail,
    String csHours,
    String contactName,
    String contactPhone,
    String contactEmail,
    List<String> addresses) {
  public Provider {
    addresses = List.copyOf(addresses);
  }
}
