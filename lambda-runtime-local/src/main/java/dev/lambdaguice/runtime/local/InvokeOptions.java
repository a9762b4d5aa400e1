package dev.lambdaguice.runtime.local;

/**
 * Optional per-invocation data the invoker provides; each becomes a {@code /next} header when not null.
 *
 * @param traceId {@code Lambda-Runtime-Trace-Id}; when null the server generates an X-Ray trace header
 * @param clientContext {@code Lambda-Runtime-Client-Context} JSON
 * @param cognitoIdentity {@code Lambda-Runtime-Cognito-Identity} JSON
 * @param tenantId {@code Lambda-Runtime-Aws-Tenant-Id}
 * @param invocationId {@code Lambda-Runtime-Invocation-Id}, which the runtime should echo on its answer
 */
public record InvokeOptions(
    String traceId, String clientContext, String cognitoIdentity, String tenantId, String invocationId) {

  private static final InvokeOptions NONE = new InvokeOptions(null, null, null, null, null);

  /** No options: a generated trace id and no optional headers. */
  public static InvokeOptions none() {
    return NONE;
  }

  public InvokeOptions withTraceId(String traceId) {
    return new InvokeOptions(traceId, clientContext, cognitoIdentity, tenantId, invocationId);
  }

  public InvokeOptions withClientContext(String clientContext) {
    return new InvokeOptions(traceId, clientContext, cognitoIdentity, tenantId, invocationId);
  }

  public InvokeOptions withCognitoIdentity(String cognitoIdentity) {
    return new InvokeOptions(traceId, clientContext, cognitoIdentity, tenantId, invocationId);
  }

  public InvokeOptions withTenantId(String tenantId) {
    return new InvokeOptions(traceId, clientContext, cognitoIdentity, tenantId, invocationId);
  }

  public InvokeOptions withInvocationId(String invocationId) {
    return new InvokeOptions(traceId, clientContext, cognitoIdentity, tenantId, invocationId);
  }
}
