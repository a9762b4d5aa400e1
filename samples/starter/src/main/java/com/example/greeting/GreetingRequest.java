package com.example.greeting;

/** The event of the {@code greet} handler: {@code {"name": "Ada"}}. */
public record GreetingRequest(String name) {}
