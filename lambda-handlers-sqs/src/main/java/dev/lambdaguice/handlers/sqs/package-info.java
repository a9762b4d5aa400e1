/**
 * SQS batch handlers with partial batch responses.
 *
 * <p>Write an {@link dev.lambdaguice.handlers.sqs.SqsRecordHandler} for one record and bind it under a handler key
 * with {@link dev.lambdaguice.handlers.sqs.SqsHandlers#bind}; the key then serves whole SQS batches and answers
 * with an {@link dev.lambdaguice.handlers.sqs.SqsBatchResponse} listing the records that failed.
 * {@link dev.lambdaguice.handlers.sqs.SqsServiceCallModule} binds the key {@code sqs-service-call}, whose records
 * are service calls.
 */
package dev.lambdaguice.handlers.sqs;
