/**
 * Simulated UART fingerprint modules (ZFM / R30x / AS608 family), device side: a
 * {@link dev.warden.sim.fingerprint.SimFingerprintModule} holds a library of page → finger label, a finger that
 * stays on the sensor until lifted, the image and character buffers, and a fault switch;
 * {@link dev.warden.sim.fingerprint.SimFingerprintLine} answers for one or more modules (by address) on a serial
 * line until it is closed or the line goes down. The packet code here is written independently of the agent's
 * codec ({@code FingerprintWire}), so each checks the other.
 */
package dev.warden.sim.fingerprint;
