package dev.lambdaguice.http.client;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.Retention;

/** Qualifies the interceptors added with {@link LambdaHttpClient#interceptors}, apart from any other set. */
@Retention(RUNTIME)
@BindingAnnotation
@interface ForLambdaHttpClient {}
