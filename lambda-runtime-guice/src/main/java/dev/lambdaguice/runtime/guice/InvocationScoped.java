package dev.lambdaguice.runtime.guice;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.ScopeAnnotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One instance per invocation: made the first time the invocation asks for it, shared by everything that serves that
 * invocation (its loop thread, and tasks given to other threads through {@link InvocationScope#wrap(Runnable)}), and
 * dropped when the invocation ends. With {@code AWS_LAMBDA_MAX_CONCURRENCY} above 1, each running invocation has
 * its own. Asking for one outside an invocation fails with an {@link com.google.inject.OutOfScopeException}: inject
 * a {@code Provider} of it into singletons and call {@code get()} while handling.
 *
 * <pre>{@code
 * @InvocationScoped
 * final class AuditTrail {
 *   @Inject AuditTrail(LambdaContext context) { this.requestId = context.requestId(); }
 *   ...
 * }
 * }</pre>
 */
@Target({TYPE, METHOD})
@Retention(RUNTIME)
@ScopeAnnotation
public @interface InvocationScoped {}
