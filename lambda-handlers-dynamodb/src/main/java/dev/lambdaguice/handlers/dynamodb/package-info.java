/**
 * DynamoDB Streams batch handlers: write a {@link dev.lambdaguice.handlers.dynamodb.DynamoDbRecordHandler} for one
 * change and bind it under a handler key with {@link dev.lambdaguice.handlers.dynamodb.DynamoDbHandlers#bind}; the
 * key then serves whole DynamoDB Streams batches in order, with images as typed
 * {@link dev.lambdaguice.handlers.dynamodb.AttributeValue} maps and as the handler's item type, and answers with a
 * partial batch response naming the first failed record.
 */
package dev.lambdaguice.handlers.dynamodb;
