package dev.lambdaguice.handlers.eventbridge;

import com.google.inject.Provider;
import java.lang.reflect.Type;

/** What a route calls: the handler, and the type it reads the detail as. */
record Route(Type detailType, Provider<? extends EventBridgeHandler<?>> handler) {}
