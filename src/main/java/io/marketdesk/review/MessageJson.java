package io.marketdesk.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.text.Message;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Message} as JSON ({@code {"key": …, "args": {…}}}; an argument that is itself a message
 * nests the same way), so that what a stored title is made of can be worded for each reader later.
 * Strings, numbers and booleans keep their type. Stateless and thread-safe.
 */
final class MessageJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageJson() {}

  static String write(Message m) {
    try {
      return JSON.writeValueAsString(tree(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Message read(String json) {
    try {
      return message(JSON.readValue(json, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> tree(Message m) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.args().entrySet()) {
      Object v = e.getValue();
      args.put(e.getKey(), v instanceof Message ? tree((Message) v)
          : v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", m.key());
    out.put("args", args);
    return out;
  }

  private static Message message(Map<?, ?> tree) {
    Map<String, Object> args = new LinkedHashMap<>();
    Object a = tree.get("args");
    if (a instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) a).entrySet()) {
        Object v = e.getValue();
        args.put(String.valueOf(e.getKey()), v instanceof Map ? message((Map<?, ?>) v) : v);
      }
    }
    return new Message(String.valueOf(tree.get("key")), args);
  }
}
