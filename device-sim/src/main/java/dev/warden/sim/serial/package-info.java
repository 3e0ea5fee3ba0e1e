/**
 * The simulator's serial lines: simulated OSDP readers, fingerprint modules and Modbus devices served on
 * pseudo-terminals (linked where the agent's configuration looks) or TCP serial device servers, with unplug and
 * replug, and OSDP reader keys kept across restarts.
 */
package dev.warden.sim.serial;
