package dev.lambdaguice.handlers.dynamodb;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DynamoDB attribute value as a stream record carries it ({@code {"S": "text"}}, {@code {"N": "1.5"}}, ...): one
 * case per DynamoDB data type, named as in the JSON. Maps keep the attribute order of the event; numbers and binaries keep the text DynamoDB sent
 * ({@link N#decimal()} and {@link B#bytes()} convert it); sets keep the order they arrived in. Values are immutable.
 */
public sealed interface AttributeValue {

  /** A string. */
  record S(String value) implements AttributeValue {
    public S {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, as DynamoDB's decimal text (up to 38 digits of precision). */
  record N(String value) implements AttributeValue {
    public N {
      Objects.requireNonNull(value, "value");
    }

    /** The number; throws {@link NumberFormatException} for text that is not one. */
    public BigDecimal decimal() {
      return new BigDecimal(value);
    }
  }

  /** A binary, as base64. */
  record B(String value) implements AttributeValue {
    public B {
      Objects.requireNonNull(value, "value");
    }

    /** The bytes; throws {@link IllegalArgumentException} for text that is not base64. */
    public byte[] bytes() {
      return Base64.getDecoder().decode(value);
    }
  }

  /** A boolean. */
  record BOOL(boolean value) implements AttributeValue {}

  /** A null. */
  record NULL() implements AttributeValue {}

  /** A map of attribute values. */
  record M(Map<String, AttributeValue> value) implements AttributeValue {
    public M {
      value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }
  }

  /** A list of attribute values. */
  record L(List<AttributeValue> value) implements AttributeValue {
    public L {
      value = List.copyOf(value);
    }
  }

  /** A string set. */
  record SS(List<String> value) implements AttributeValue {
    public SS {
      value = List.copyOf(value);
    }
  }

  /** A number set, as decimal texts. */
  record NS(List<String> value) implements AttributeValue {
    public NS {
      value = List.copyOf(value);
    }
  }

  /** A binary set, as base64 texts. */
  record BS(List<String> value) implements AttributeValue {
    public BS {
      value = List.copyOf(value);
    }
  }
}
