package dev.lambdaguice.runtime.guice;

import java.util.Map;

/** {@code AWS_LAMBDA_MAX_CONCURRENCY}: how many invocations Lambda Managed Instances may run at once in a process. */
final class MaxConcurrency {

  static final String VARIABLE = "AWS_LAMBDA_MAX_CONCURRENCY";

  private MaxConcurrency() {}

  /**
   * The number of poll loops to run: the variable's value, or 1 when it is unset or blank.
   *
   * @throws IllegalArgumentException the value is not a whole number of at least 1
   */
  static int from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return 1;
    }
    int count;
    try {
      count = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      count = 0;
    }
    if (count < 1) {
      throw new IllegalArgumentException(VARIABLE + " must be a whole number of at least 1, got '"
          + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
    }
    return count;
  }
}
