/**
 * HTTP routes: {@link dev.lambdaguice.handlers.http.HttpHandlers#route} binds a method and path template to a typed
 * {@link dev.lambdaguice.handlers.http.HttpRoute} under a handler key that serves API Gateway REST and HTTP APIs,
 * function URLs and Application Load Balancers, each answered in its own response shape.
 */
package dev.lambdaguice.handlers.http;
