package dev.lambdaguice.handlers.sqs;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.lambdaguice.handlers.batch.BatchResponseAdapter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@link SqsBatchResponse} in Lambda's exact form, independent of the Gson's configuration: the
 * batch core's {@link BatchResponseAdapter} form, which the Kinesis and DynamoDB Streams responses share.
 */
final class SqsBatchResponseAdapter extends TypeAdapter<SqsBatchResponse> {

  @Override
  public void write(JsonWriter out, SqsBatchResponse response) throws IOException {
    if (response == null) {
      out.nullValue();
      return;
    }
    BatchResponseAdapter.writeIdentifiers(out, response.failedMessageIds());
  }

  @Override
  public SqsBatchResponse read(JsonReader in) throws IOException {
    List<String> ids = BatchResponseAdapter.readIdentifiers(in);
    if (ids == null) {
      return null;
    }
    List<BatchItemFailure> failures = new ArrayList<>(ids.size());
    for (String id : ids) {
      failures.add(new BatchItemFailure(id));
    }
    return new SqsBatchResponse(failures);
  }
}
