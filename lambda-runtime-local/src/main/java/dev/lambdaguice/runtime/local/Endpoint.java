package dev.lambdaguice.runtime.local;

/** The Runtime API (and Extensions API) endpoints a runtime calls, for recorded requests and fault injection. */
public enum Endpoint {
  /** {@code GET /2018-06-01/runtime/invocation/next} */
  NEXT,
  /** {@code POST /2018-06-01/runtime/invocation/{id}/response} */
  RESPONSE,
  /** {@code POST /2018-06-01/runtime/invocation/{id}/error} */
  ERROR,
  /** {@code POST /2018-06-01/runtime/init/error} */
  INIT_ERROR,
  /** {@code GET /2018-06-01/runtime/restore/next} (SnapStart) */
  RESTORE_NEXT,
  /** {@code POST /2018-06-01/runtime/restore/error} (SnapStart) */
  RESTORE_ERROR,
  /** {@code POST /2020-01-01/extension/register} (Extensions API) */
  EXTENSION_REGISTER,
  /** {@code GET /2020-01-01/extension/event/next} (Extensions API) */
  EXTENSION_NEXT
}
