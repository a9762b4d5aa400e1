package dev.lambdaguice.handlers.batch;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads a batch response in Lambda's exact form, independent of the Gson's configuration. Public for
 * modules whose own response type has the same form (the SQS module's {@code SqsBatchResponse}).
 */
public final class BatchResponseAdapter extends TypeAdapter<BatchResponse> {

  @Override
  public void write(JsonWriter out, BatchResponse response) throws IOException {
    if (response == null) {
      out.nullValue();
      return;
    }
    writeIdentifiers(out, response.itemIdentifiers());
  }

  /** Writes {@code {"batchItemFailures":[{"itemIdentifier": ...}, ...]}} for {@code itemIdentifiers}. */
  public static void writeIdentifiers(JsonWriter out, List<String> itemIdentifiers) throws IOException {
    out.beginObject().name("batchItemFailures").beginArray();
    for (String id : itemIdentifiers) {
      out.beginObject().name("itemIdentifier").value(id).endObject();
    }
    out.endArray().endObject();
  }

  @Override
  public BatchResponse read(JsonReader in) throws IOException {
    List<String> ids = readIdentifiers(in);
    return ids == null ? null : BatchResponse.of(ids);
  }

  /**
   * Reads the item identifiers of a batch response, or null for JSON {@code null}; a missing or null
   * {@code batchItemFailures} is an empty list, as Lambda reads it.
   */
  public static List<String> readIdentifiers(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    List<String> ids = new ArrayList<>();
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName().equals("batchItemFailures") && in.peek() == JsonToken.BEGIN_ARRAY) {
        in.beginArray();
        while (in.hasNext()) {
          ids.add(readIdentifier(in));
        }
        in.endArray();
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    return ids;
  }

  private static String readIdentifier(JsonReader in) throws IOException {
    String id = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName().equals("itemIdentifier")) {
        id = in.nextString();
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    if (id == null) {
      throw new JsonParseException("a batch item failure has no itemIdentifier at " + in.getPath());
    }
    return id;
  }
}
