package dev.lambdaguice.runtime.api;

import java.util.Arrays;

/**
 * One invocation as handed out by {@code GET /runtime/invocation/next}: the event bytes plus every header the
 * platform sent. Optional headers the platform did not send are {@code null}.
 *
 * @param requestId the {@code Lambda-Runtime-Aws-Request-Id}; never null
 * @param deadlineMs the {@code Lambda-Runtime-Deadline-Ms}: epoch milliseconds at which the invocation times out
 * @param functionArn the {@code Lambda-Runtime-Invoked-Function-Arn} (may carry a version or alias qualifier)
 * @param traceId the {@code Lambda-Runtime-Trace-Id} X-Ray trace header
 * @param clientContext the {@code Lambda-Runtime-Client-Context} JSON, sent for mobile SDK invocations
 * @param cognitoIdentity the {@code Lambda-Runtime-Cognito-Identity} JSON, sent for mobile SDK invocations
 * @param tenantId the {@code Lambda-Runtime-Aws-Tenant-Id} of functions with tenant isolation
 * @param invocationId the {@code Lambda-Runtime-Invocation-Id}; echoed back on this invocation's response or error
 * @param payload the event bytes, exactly as received; not copied, so callers must not modify them
 */
public record Invocation(
    String requestId,
    long deadlineMs,
    String functionArn,
    String traceId,
    String clientContext,
    String cognitoIdentity,
    String tenantId,
    String invocationId,
    byte[] payload) {

  public Invocation {
    if (requestId == null || requestId.isEmpty()) {
      throw new IllegalArgumentException("requestId is required");
    }
    if (payload == null) {
      payload = new byte[0];
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Invocation other
        && requestId.equals(other.requestId)
        && deadlineMs == other.deadlineMs
        && java.util.Objects.equals(functionArn, other.functionArn)
        && java.util.Objects.equals(traceId, other.traceId)
        && java.util.Objects.equals(clientContext, other.clientContext)
        && java.util.Objects.equals(cognitoIdentity, other.cognitoIdentity)
        && java.util.Objects.equals(tenantId, other.tenantId)
        && java.util.Objects.equals(invocationId, other.invocationId)
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return requestId.hashCode() * 31 + Arrays.hashCode(payload);
  }

  /** Never prints the payload: events may carry personal data or secrets. */
  @Override
  public String toString() {
    return "Invocation[requestId=" + requestId + ", deadlineMs=" + deadlineMs + ", functionArn=" + functionArn
        + ", traceId=" + traceId + ", tenantId=" + tenantId + ", invocationId=" + invocationId
        + ", payload=" + payload.length + " bytes]";
  }
}
