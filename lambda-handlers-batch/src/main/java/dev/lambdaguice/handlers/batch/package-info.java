/**
 * The batch core that the SQS, Kinesis and DynamoDB Streams handler modules are built on: a
 * {@link dev.lambdaguice.handlers.batch.BatchRunner} calling a record handler once per record and keeping which
 * records failed, the {@link dev.lambdaguice.handlers.batch.BatchResponse} Lambda reads back
 * ({@code batchItemFailures}), and a {@link dev.lambdaguice.handlers.batch.DataReader} reading a record's body or
 * data as the record handler's type. Applications use the source modules ({@code SqsHandlers},
 * {@code KinesisHandlers}, {@code DynamoDbHandlers}); this package is for modules serving another batch source.
 */
package dev.lambdaguice.handlers.batch;
