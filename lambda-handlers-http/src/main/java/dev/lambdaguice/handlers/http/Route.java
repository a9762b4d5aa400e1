package dev.lambdaguice.handlers.http;

import com.google.inject.Provider;
import java.lang.reflect.Type;

/**
 * A bound route: its template, the type its body is read as, whether its result is always JSON (not an
 * {@link HttpResponse}, so {@code Accept} can be checked before the call), and its handler.
 */
record Route(RouteTemplate template, Type bodyType, boolean jsonResult, Provider<? extends HttpRoute<?, ?>> handler) {}
