/**
 * The device simulator deployable: {@link dev.warden.sim.Simulator} (programmatic API: start, present, stop) and the
 * command line {@link dev.warden.sim.SimMain}. Devices live in {@code device}, the walker in {@code walker}, the
 * Wiegand encoder in {@code wiegand}, Paho in {@code mqtt}.
 */
package dev.warden.sim;
