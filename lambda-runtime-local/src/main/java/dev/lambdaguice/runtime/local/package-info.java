/**
 * A local AWS Lambda for tests and development: the server side of the Lambda Runtime API with the platform's
 * semantics, the Runtime Interface Emulator's invoke endpoint, and runners for a runtime in this JVM or a child JVM.
 *
 * <ul>
 *   <li>{@link dev.lambdaguice.runtime.local.LocalLambda}: starts the server on a free port, invokes the function,
 *       records the runtime's requests, injects faults; {@link dev.lambdaguice.runtime.local.StreamingInvocation}
 *       reads a streamed response as it arrives.
 *   <li>{@link dev.lambdaguice.runtime.local.InProcessRuntime} and
 *       {@link dev.lambdaguice.runtime.local.ChildProcessRuntime}: run {@code LambdaRuntime} (or another entry point)
 *       against it with Lambda's environment.
 *   <li>{@link dev.lambdaguice.runtime.local.LocalMain}: the command line, serving
 *       {@code POST /2015-03-31/functions/function/invocations} on port 9000.
 * </ul>
 *
 * <p>JDK only (plus Gson): the server is a small HTTP/1.1 server with a thread per connection, so a long-polling
 * {@code /next} blocks nothing but its own connection.
 */
package dev.lambdaguice.runtime.local;
