package dev.lambdaguice.runtime.guice;

import com.google.gson.annotations.SerializedName;
import java.util.Map;

/**
 * The client context a caller sent through the AWS Mobile SDK ({@code Lambda-Runtime-Client-Context}).
 *
 * @param client the calling application
 * @param custom custom values the caller set
 * @param environment the caller's environment ({@code env} in the JSON)
 */
public record ClientContext(
    Client client, Map<String, String> custom, @SerializedName("env") Map<String, String> environment) {

  public ClientContext {
    custom = custom == null ? Map.of() : Map.copyOf(custom);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** The application that made the call. */
  public record Client(
      @SerializedName("installation_id") String installationId,
      @SerializedName("app_title") String appTitle,
      @SerializedName("app_version_name") String appVersionName,
      @SerializedName("app_version_code") String appVersionCode,
      @SerializedName("app_package_name") String appPackageName) {}
}
