package dev.lambdaguice.runtime.api;

import java.io.IOException;

/**
 * The Runtime API answered 500: "Container error. Non-recoverable state." The runtime must exit promptly with a
 * non-zero status so that Lambda replaces the execution environment.
 */
public final class ContainerErrorException extends IOException {
  private static final long serialVersionUID = 1L;

  public ContainerErrorException(String message) {
    super(message);
  }
}
