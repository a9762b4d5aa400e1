package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;

/** AWS's {@code CognitoIdentity}, from lambda-guice's. */
record AwsCognitoIdentity(String identityId, String identityPoolId) implements CognitoIdentity {

  /** The AWS view of {@code identity}, or null when there is none. */
  static AwsCognitoIdentity of(dev.lambdaguice.runtime.guice.CognitoIdentity identity) {
    return identity == null ? null
        : new AwsCognitoIdentity(identity.cognitoIdentityId(), identity.cognitoIdentityPoolId());
  }

  @Override
  public String getIdentityId() {
    return identityId;
  }

  @Override
  public String getIdentityPoolId() {
    return identityPoolId;
  }
}
