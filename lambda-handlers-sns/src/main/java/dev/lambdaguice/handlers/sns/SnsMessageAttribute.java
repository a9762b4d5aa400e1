package dev.lambdaguice.handlers.sns;

import com.google.gson.annotations.SerializedName;

/**
 * A message attribute the publisher set.
 *
 * @param type {@code String}, {@code String.Array}, {@code Number} or {@code Binary}
 * @param value the value as text (base64 for {@code Binary})
 */
public record SnsMessageAttribute(@SerializedName("Type") String type, @SerializedName("Value") String value) {}
