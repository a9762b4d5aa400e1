package dev.lambdaguice.http.client;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A response body read under the call's deadline: a read the deadline cut short fails with a
 * {@link DeadlineExceededException}, and reaching the end or closing the body ends the deadline.
 */
final class DeadlineBody extends ResponseBody {

  private final ResponseBody body;
  private final BufferedSource source;

  DeadlineBody(ResponseBody body, Deadline deadline) {
    this.body = body;
    this.source = Okio.buffer(new ForwardingSource(body.source()) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read;
        try {
          read = super.read(sink, byteCount);
        } catch (IOException e) {
          throw deadline.end(e);
        }
        if (read == -1) {
          deadline.end();
        }
        return read;
      }

      @Override
      public void close() throws IOException {
        deadline.end();
        super.close();
      }
    });
  }

  @Override
  public MediaType contentType() {
    return body.contentType();
  }

  @Override
  public long contentLength() {
    return body.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }
}
