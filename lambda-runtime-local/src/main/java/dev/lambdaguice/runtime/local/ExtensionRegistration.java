package dev.lambdaguice.runtime.local;

import java.util.List;

/**
 * An extension registered with the local Extensions API, as the platform keeps it.
 *
 * @param name its {@code Lambda-Extension-Name}
 * @param identifier the {@code Lambda-Extension-Identifier} it was given
 * @param events the events it subscribed to ({@code INVOKE} or none: every local registration is an internal
 *     extension's, and those may not subscribe to {@code SHUTDOWN})
 * @param ready whether it called {@code /extension/event/next}, which ends its init
 */
public record ExtensionRegistration(String name, String identifier, List<String> events, boolean ready) {}
