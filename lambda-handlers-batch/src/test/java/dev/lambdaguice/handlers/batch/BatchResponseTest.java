package dev.lambdaguice.handlers.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResponseTest {

  private static final Gson UPPER = new GsonBuilder()
      .setFieldNamingPolicy(FieldNamingPolicy.UPPER_CAMEL_CASE).serializeNulls().create();

  @Test
  void isWrittenInLambdasFormWhateverTheGson() {
    assertEquals("{\"batchItemFailures\":[]}", UPPER.toJson(BatchResponse.success()));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"4959\"},{\"itemIdentifier\":\"4960\"}]}",
        UPPER.toJson(BatchResponse.of(List.of("4959", "4960"))));
    assertSame(BatchResponse.success(), BatchResponse.of(List.of()));
  }

  @Test
  void readsBackTheSuccessShapesLambdaAccepts() {
    assertEquals(List.of(), new Gson().fromJson("{\"batchItemFailures\": []}", BatchResponse.class)
        .itemIdentifiers());
    assertEquals(List.of(), new Gson().fromJson("{\"batchItemFailures\": null}", BatchResponse.class)
        .itemIdentifiers());
    assertEquals(List.of(), new Gson().fromJson("{}", BatchResponse.class).itemIdentifiers());
    assertEquals(List.of("1"), new Gson().fromJson("{\"batchItemFailures\": [{\"itemIdentifier\": \"1\"}]}",
        BatchResponse.class).itemIdentifiers());
    assertThrows(JsonParseException.class, () -> new Gson().fromJson("{\"batchItemFailures\": [{}]}",
        BatchResponse.class));
  }
}
