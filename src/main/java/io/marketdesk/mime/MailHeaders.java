package io.marketdesk.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The header fields of a mail, in order, with decoded values; names compare without case. Immutable. */
public final class MailHeaders {
  /** One header field. */
  public record Field(String name, String value) {}

  private final List<Field> fields;

  public MailHeaders(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  /** The first value of the named field, or null. */
  public String first(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return f.value();
      }
    }
    return null;
  }

  /** Every value of the named field, in order. */
  public List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        out.add(f.value());
      }
    }
    return out;
  }

  public boolean has(String name) {
    return first(name) != null;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The first value, trimmed and lower-cased, or "" when absent. */
  public String lower(String name) {
    String v = first(name);
    return v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
  }
}
