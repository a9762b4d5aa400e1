package dev.lambdaguice.test;

/** The event of the greet handler. */
record Greeting(String name) {}
