package dev.lambdaguice.handlers.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void acceptAllowsRangesAndHonoursQZeroAndSpecificity() {
    assertTrue(MediaTypes.accepts(null, "application/json"));
    assertTrue(MediaTypes.accepts("APPLICATION/JSON", "application/json; charset=utf-8"));
    assertTrue(MediaTypes.accepts("text/html, application/*;q=0.2", "application/json"));
    assertFalse(MediaTypes.accepts("text/html, image/*", "application/json"));
    assertFalse(MediaTypes.accepts("*/*;q=0", "application/json"));
    assertFalse(MediaTypes.accepts("application/json;q=0, */*", "application/json"));
    assertTrue(MediaTypes.accepts("application/json, */*;q=0", "application/json"));
  }

  @Test
  void textTypesAreSentAsTextOthersAsBase64() {
    assertTrue(MediaTypes.isText("text/csv"));
    assertTrue(MediaTypes.isText("application/problem+json"));
    assertTrue(MediaTypes.isText("application/xml; charset=UTF-8"));
    assertFalse(MediaTypes.isText("text/plain; charset=iso-8859-1"));
    assertFalse(MediaTypes.isText("application/pdf"));
    assertFalse(MediaTypes.isText("image/png"));
  }

  @Test
  void jsonIsApplicationJsonOrAPlusJsonType() {
    assertTrue(MediaTypes.isJson("Application/JSON;charset=utf-8"));
    assertTrue(MediaTypes.isJson("application/vnd.api+json"));
    assertFalse(MediaTypes.isJson("text/json"));
    assertFalse(MediaTypes.isJson("application/jsonp"));
  }
}
