package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import java.util.Map;

/**
 * AWS's {@code ClientContext}, from lambda-guice's.
 *
 * @param client the calling application, or null when the caller sent none
 * @param custom custom values, never null
 * @param environment the caller's environment ({@code env}), never null
 */
record AwsClientContext(Client client, Map<String, String> custom, Map<String, String> environment)
    implements ClientContext {

  /** The AWS view of {@code context}, or null when there is none. */
  static AwsClientContext of(dev.lambdaguice.runtime.guice.ClientContext context) {
    if (context == null) {
      return null;
    }
    dev.lambdaguice.runtime.guice.ClientContext.Client client = context.client();
    return new AwsClientContext(client == null ? null : new AwsClient(client.installationId(), client.appTitle(),
        client.appVersionName(), client.appVersionCode(), client.appPackageName()),
        context.custom(), context.environment());
  }

  @Override
  public Client getClient() {
    return client;
  }

  @Override
  public Map<String, String> getCustom() {
    return custom;
  }

  @Override
  public Map<String, String> getEnvironment() {
    return environment;
  }

  /** AWS's {@code Client}: the application that made the call. */
  record AwsClient(String installationId, String appTitle, String appVersionName, String appVersionCode,
      String appPackageName) implements Client {

    @Override
    public String getInstallationId() {
      return installationId;
    }

    @Override
    public String getAppTitle() {
      return appTitle;
    }

    @Override
    public String getAppVersionName() {
      return appVersionName;
    }

    @Override
    public String getAppVersionCode() {
      return appVersionCode;
    }

    @Override
    public String getAppPackageName() {
      return appPackageName;
    }
  }
}
