package dev.lambdaguice.handlers.dynamodb;

/**
 * Who made a change, when DynamoDB says: only for items deleted by Time to Live, as {@code {"type": "Service",
 * "principalId": "dynamodb.amazonaws.com"}}.
 *
 * @param type {@code Service} for TTL
 * @param principalId {@code dynamodb.amazonaws.com} for TTL
 */
public record UserIdentity(String type, String principalId) {

  /** True for DynamoDB's Time to Live process. */
  public boolean timeToLive() {
    return "Service".equals(type) && "dynamodb.amazonaws.com".equals(principalId);
  }
}
