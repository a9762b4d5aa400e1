package dev.lambdaguice.runtime.local;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The handler keys given to {@link LocalMain} with {@code --handler}: each value one key or a comma-separated list. */
final class HandlerKeys {

  /** The function name the first key is also served as, so that the emulator's URL keeps working. */
  static final String FIRST_KEY_ALIAS = "function";

  /** With several keys, each key is a function name in the invoke URL. */
  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  private HandlerKeys() {}

  /**
   * The keys of {@code values}, in order.
   *
   * @throws IllegalArgumentException a key is empty or given twice; or, with several keys, a key cannot be a
   *     function name in a URL, or {@value #FIRST_KEY_ALIAS} is not the first key
   */
  static List<String> parse(List<String> values) {
    Set<String> keys = new LinkedHashSet<>();
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        String key = part.trim();
        if (key.isEmpty()) {
          throw new IllegalArgumentException("--handler has an empty key: " + value);
        }
        if (!keys.add(key)) {
          throw new IllegalArgumentException("duplicate handler key: " + key);
        }
      }
    }
    List<String> list = List.copyOf(keys);
    if (list.size() > 1) {
      for (String key : list) {
        if (!URL_SAFE.matcher(key).matches() || key.chars().allMatch(c -> c == '.')) {
          throw new IllegalArgumentException("handler key " + key + " cannot be a function name in the invoke"
              + " URL: with several keys, use letters, digits, '-', '_' and '.' only");
        }
      }
      if (list.indexOf(FIRST_KEY_ALIAS) > 0) {
        throw new IllegalArgumentException("handler key " + FIRST_KEY_ALIAS
            + " must be the first key: the first key is also served as " + FIRST_KEY_ALIAS);
      }
    }
    return list;
  }
}
