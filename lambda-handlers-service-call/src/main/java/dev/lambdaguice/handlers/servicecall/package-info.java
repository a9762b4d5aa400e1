/**
 * The {@code service-call} handler: calls a function of a service the application exposed, with JSON arguments.
 *
 * <p>Install {@link dev.lambdaguice.handlers.servicecall.ServiceCallModule}, expose services with
 * {@link dev.lambdaguice.handlers.servicecall.ServiceCalls#expose}, and send events like
 * {@code {"serviceName": "com.example.EchoService", "function": "echo", "args": ["hello"]}}. Only exposed services
 * are callable; every failure to make a call is a {@link dev.lambdaguice.handlers.servicecall.ServiceCallException}
 * of its own type. Other handlers may call services the same way through
 * {@link dev.lambdaguice.handlers.servicecall.ServiceDispatcher}.
 */
package dev.lambdaguice.handlers.servicecall;
