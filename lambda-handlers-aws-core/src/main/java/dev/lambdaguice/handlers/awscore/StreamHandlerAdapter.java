package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.RawResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Serves a {@code RequestStreamHandler}: the event bytes as they came in, and what the handler wrote, byte for byte,
 * as the response once it returns. Sent as {@code application/json}, the content type AWS's runtime posts for every
 * response; Lambda's callers get the bytes whatever the type.
 */
final class StreamHandlerAdapter implements LambdaHandler<byte[], RawResponse> {

  static final String CONTENT_TYPE = "application/json";

  private final RequestStreamHandler handler;
  private final AwsLogger logger;

  StreamHandlerAdapter(RequestStreamHandler handler, AwsLogger logger) {
    this.handler = handler;
    this.logger = logger;
  }

  @Override
  public RawResponse handle(byte[] event, LambdaContext context) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream(1024); // one per invocation: invocations may overlap
    handler.handleRequest(new ByteArrayInputStream(event), output, new AwsContext(context, logger));
    return new RawResponse(output.toByteArray(), CONTENT_TYPE);
  }
}
