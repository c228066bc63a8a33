package io.marketdesk.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sentence as a value: the key of a message-catalog entry and its named arguments, rendered in
 * the reader's language only when a mail or a page is written (templates/messages/, docs/languages.md).
 * The domain returns these; it never holds words. Immutable.
 */
public record Message(String key, Map<String, Object> args) {
  public Message {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** A message from its key and name, value pairs; a null value reads as empty. */
  public static Message of(String key, Object... nameValues) {
    if (nameValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs: " + key);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      Object v = nameValues[i + 1];
      m.put((String) nameValues[i], v == null ? "" : v);
    }
    return new Message(key, m);
  }
}
