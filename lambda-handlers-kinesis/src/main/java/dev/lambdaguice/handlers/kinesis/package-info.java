/**
 * Kinesis Data Streams batch handlers: write a {@link dev.lambdaguice.handlers.kinesis.KinesisRecordHandler} for one
 * record and bind it under a handler key with {@link dev.lambdaguice.handlers.kinesis.KinesisHandlers#bind}; the key
 * then serves whole Kinesis batches, each shard's records in order, and answers with a partial batch response
 * naming the first failed record of each shard.
 */
package dev.lambdaguice.handlers.kinesis;
