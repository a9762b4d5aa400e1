package dev.lambdaguice.handlers.servicecall;

import java.util.List;

/** Fixture: a record argument with a nested list of records. */
public record Order(String id, Priority priority, List<Line> lines) {}
