/**
 * A client for the Lambda Runtime API: {@link dev.lambdaguice.runtime.api.RuntimeApiClient} and the values it
 * reads and posts ({@link dev.lambdaguice.runtime.api.Invocation}, {@link dev.lambdaguice.runtime.api.ErrorReport},
 * {@link dev.lambdaguice.runtime.api.PostResult}, {@link dev.lambdaguice.runtime.api.XRayErrorCause}), a streamed
 * response ({@link dev.lambdaguice.runtime.api.StreamedResponse}) and the exceptions of its failures. It depends on the JDK (and on Gson for error JSON) only.
 *
 * <p>The public types are the API. The HTTP/1.1 mechanics under the client (the codec, the connection, the parsed
 * answer) are package-private and may change in any release: the client speaks to one trusted peer on loopback,
 * with the requests of the Runtime API (and the two of the Extensions API that {@link
 * dev.lambdaguice.runtime.api.ExtensionsApiClient} makes), and is not a general HTTP client.
 */
package dev.lambdaguice.runtime.api;
