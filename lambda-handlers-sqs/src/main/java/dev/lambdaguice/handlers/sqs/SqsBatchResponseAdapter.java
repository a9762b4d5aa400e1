package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads {@link SqsBatchResponse} in Lambda's exact form, independent of the Gson's configuration. */
final class SqsBatchResponseAdapter extends TypeAdapter<SqsBatchResponse> {

  @Override
  public void write(JsonWriter out, SqsBatchResponse response) throws IOException {
    if (response == null) {
      out.nullValue();
      return;
    }
    out.beginObject().name("batchItemFailures").beginArray();
    for (BatchItemFailure failure : response.batchItemFailures()) {
      out.beginObject().name("itemIdentifier").value(failure.itemIdentifier()).endObject();
    }
    out.endArray().endObject();
  }

  @Override
  public SqsBatchResponse read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    List<BatchItemFailure> failures = new ArrayList<>();
    in.beginObject();
    while (in.hasNext()) {
      if (in.nextName().equals("batchItemFailures") && in.peek() == JsonToken.BEGIN_ARRAY) {
        in.beginArray();
        while (in.hasNext()) {
          failures.add(readFailure(in));
        }
        in.endArray();
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    return new SqsBatchResponse(failures);
  }

  private static BatchItemFailure readFailure(JsonReader in) throws IOException {
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
    return new BatchItemFailure(id);
  }
}
