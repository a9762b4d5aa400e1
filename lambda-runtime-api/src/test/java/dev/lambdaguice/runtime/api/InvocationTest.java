package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvocationTest {

  static Invocation invocation(String requestId, byte[] payload) {
    return new Invocation(requestId, 1_700_000_000_000L, "arn:aws:lambda:eu-west-1:123456789012:function:f",
        "Root=1-abc", "{\"client\":{\"ctx-secret\":1}}", "{\"cognitoIdentityId\":\"id-secret\"}", "tenant-1",
        "inv-1", payload);
  }

  @Test
  void toStringNeverContainsThePayload() {
    byte[] payload =
        "{\"creditCard\":\"4111-1111-1111-1111\",\"password\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8);

    String text = invocation("req-1", payload).toString();

    assertFalse(text.contains("4111"), text);
    assertFalse(text.contains("s3cr3t"), text);
    assertFalse(text.contains("[B@"), "no array identity either: " + text);
    assertTrue(text.contains("req-1"), text);
    assertTrue(text.contains(payload.length + " bytes"), text);
  }

  @Test
  void toStringLeavesOutClientContextAndCognitoIdentity() {
    String text = invocation("req-1", new byte[0]).toString();

    assertFalse(text.contains("ctx-secret"), text);
    assertFalse(text.contains("id-secret"), text);
    assertTrue(text.contains("tenant-1") && text.contains("inv-1"), text);
  }

  @Test
  void nullPayloadBecomesEmpty() {
    assertArrayEquals(new byte[0], invocation("req-1", null).payload());
  }

  @Test
  void requestIdIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> invocation(null, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> invocation("", new byte[0]));
  }

  @Test
  void equalityComparesPayloadContent() {
    Invocation a = invocation("req-1", new byte[] {1, 2, 3});
    Invocation b = invocation("req-1", new byte[] {1, 2, 3});
    Invocation c = invocation("req-1", new byte[] {1, 2, 4});
    Invocation d = invocation("req-2", new byte[] {1, 2, 3});

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, c);
    assertNotEquals(a, d);
    assertNotEquals(a, null);
  }
}
