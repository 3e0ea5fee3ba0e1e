package dev.warden.controller;

import io.micronaut.runtime.Micronaut;

/** Starts the Warden controller: REST API, persistence, decision index, MQTT adapters. */
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
