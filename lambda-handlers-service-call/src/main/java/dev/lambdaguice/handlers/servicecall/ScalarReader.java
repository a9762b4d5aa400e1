package dev.lambdaguice.handlers.servicecall;

import com.google.gson.Gson;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;

/**
 * Reads a JSON string, number or boolean argument of a {@code String}, {@code int}, {@code long} or {@code boolean}
 * parameter (or its box) straight from its {@link JsonPrimitive}, giving what Gson's own adapter for the type gives
 * when it reads the argument through {@link TypeAdapter#fromJsonTree}, without the tree reader that creates (about
 * 3 KB per argument, most of a call's cost). Used only where the application's Gson reads the type with its
 * built-in adapter, so an adapter the application registered always runs; any other argument goes through Gson.
 */
enum ScalarReader {
  STRING {
    @Override
    Object read(JsonPrimitive arg) {
      return arg.isString() ? arg.getAsString() : null;
    }
  },
  INT {
    @Override
    Object read(JsonPrimitive arg) {
      return arg.isNumber() ? Integer.valueOf(arg.getAsInt()) : null;
    }
  },
  LONG {
    @Override
    Object read(JsonPrimitive arg) {
      return arg.isNumber() ? Long.valueOf(arg.getAsLong()) : null;
    }
  },
  BOOLEAN {
    @Override
    Object read(JsonPrimitive arg) {
      return arg.isBoolean() ? Boolean.valueOf(arg.getAsBoolean()) : null;
    }
  };

  /** Gson's built-in adapters for these types are shared by every Gson instance; this one shows which they are. */
  private static final Gson DEFAULTS = new Gson();

  /**
   * The reader for a parameter of erased type {@code type} that the application's Gson reads with {@code adapter};
   * null unless the type is one of these and {@code adapter} is Gson's built-in one.
   */
  static ScalarReader of(Class<?> type, TypeAdapter<?> adapter) {
    ScalarReader reader = type == String.class ? STRING
        : type == int.class || type == Integer.class ? INT
        : type == long.class || type == Long.class ? LONG
        : type == boolean.class || type == Boolean.class ? BOOLEAN
        : null;
    return reader != null && adapter == DEFAULTS.getAdapter(type) ? reader : null;
  }

  /**
   * The value Gson's built-in adapter reads from {@code arg}, or null when {@code arg} is of another JSON kind (Gson
   * then reads it, converting or failing as it does). May throw where Gson's adapter would throw.
   */
  abstract Object read(JsonPrimitive arg);
}
