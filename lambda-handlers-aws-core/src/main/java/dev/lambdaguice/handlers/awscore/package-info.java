/**
 * Serves existing {@code aws-lambda-java-core} handlers: bind a {@code RequestHandler<I, O>} or
 * {@code RequestStreamHandler} class under a handler key with
 * {@link dev.lambdaguice.handlers.awscore.AwsHandlers#bind}, and it runs unchanged, created by Guice, with a
 * {@code Context} backed by the invocation's {@code LambdaContext}.
 */
package dev.lambdaguice.handlers.awscore;
