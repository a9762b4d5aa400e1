package dev.lambdaguice.runtime.api;

/** Header names of the Lambda Runtime API. */
public final class RuntimeApiHeaders {
  public static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
  public static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";
  public static final String FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
  public static final String TRACE_ID = "Lambda-Runtime-Trace-Id";
  public static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";
  public static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";
  public static final String TENANT_ID = "Lambda-Runtime-Aws-Tenant-Id";
  public static final String INVOCATION_ID = "Lambda-Runtime-Invocation-Id";
  public static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
  public static final String XRAY_ERROR_CAUSE = "Lambda-Runtime-Function-XRay-Error-Cause";
  /** On a streamed {@code /response}: {@code streaming}. */
  public static final String RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";
  /** The trailer of a streamed response that failed after its first byte: the base64 of the error JSON. */
  public static final String ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

  private RuntimeApiHeaders() {}
}
