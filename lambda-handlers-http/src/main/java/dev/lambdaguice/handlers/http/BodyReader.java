package dev.lambdaguice.handlers.http;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.lambdaguice.runtime.guice.JsonProblem;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as a route's body type, made once per route at init: {@code Void} (nothing), {@code String},
 * {@code byte[]}, or JSON read by the injector's {@code Gson} (which also checks that a {@code JsonObject} is one). A JSON body that is missing, not JSON or not of the
 * type is an {@link HttpException} 400 naming the JSON path; a {@code content-type} that is not JSON, 415.
 */
final class BodyReader {

  private enum Kind { NONE, TEXT, BYTES, JSON }

  private final Kind kind;
  private final TypeAdapter<?> adapter;
  private final Gson gson;

  BodyReader(Type type, Gson gson) {
    Class<?> raw = TypeToken.get(type).getRawType();
    this.gson = gson;
    this.kind = raw == Void.class ? Kind.NONE : raw == String.class ? Kind.TEXT : raw == byte[].class ? Kind.BYTES
        : Kind.JSON;
    this.adapter = kind == Kind.JSON ? gson.getAdapter(TypeToken.get(type)) : null;
  }

  Object read(RawRequest request) {
    return switch (kind) {
      case NONE -> null;
      case TEXT -> new String(request.body(), StandardCharsets.UTF_8);
      case BYTES -> request.body().clone();
      case JSON -> json(request);
    };
  }

  private Object json(RawRequest request) {
    String contentType = request.header("content-type");
    if (contentType != null && !contentType.isBlank() && !MediaTypes.isJson(contentType)) {
      throw new HttpException(415, "The body must be JSON (content-type application/json), not "
          + MediaTypes.essence(contentType));
    }
    String text = new String(request.body(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new HttpException(400, request.method() + " needs a JSON body here");
    }
    JsonReader reader = gson.newJsonReader(new StringReader(text));
    Object value;
    try {
      value = adapter.read(reader);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new HttpException(400, "The body is not valid at " + JsonProblem.of(e, reader.getPath()));
    }
    if (!atEnd(reader)) {
      throw new HttpException(400, "The body has more after its JSON value");
    }
    if (value == null) {
      throw new HttpException(400, request.method() + " needs a JSON body here, not null");
    }
    return value;
  }

  private static boolean atEnd(JsonReader reader) {
    try {
      return reader.peek() == JsonToken.END_DOCUMENT;
    } catch (IOException | RuntimeException e) { // a second value is malformed JSON to a strict reader
      return false;
    }
  }
}
