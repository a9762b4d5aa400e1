/**
 * SNS handlers: {@link dev.lambdaguice.handlers.sns.SnsHandlers#bind} serves an SNS event by calling a typed
 * {@link dev.lambdaguice.handlers.sns.SnsMessageHandler} once per notification; {@link
 * dev.lambdaguice.handlers.sns.SnsMessage} also reads the SNS envelope of a message delivered through SQS.
 */
package dev.lambdaguice.handlers.sns;
