package dev.lambdaguice.runtime.guice;

/**
 * The Amazon Cognito identity of a caller that invoked through the AWS Mobile SDK
 * ({@code Lambda-Runtime-Cognito-Identity}).
 *
 * @param cognitoIdentityId the identity id
 * @param cognitoIdentityPoolId the identity pool id
 */
public record CognitoIdentity(String cognitoIdentityId, String cognitoIdentityPoolId) {}
