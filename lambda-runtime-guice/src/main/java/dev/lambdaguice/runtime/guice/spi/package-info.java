/**
 * For authors of handler modules, not for applications: seams into the runtime that its own handler API does not
 * need. Types here are public so that modules such as {@code lambda-handlers-aws-core} can use them; they follow
 * the project's version like the rest of the API.
 */
package dev.lambdaguice.runtime.guice.spi;
