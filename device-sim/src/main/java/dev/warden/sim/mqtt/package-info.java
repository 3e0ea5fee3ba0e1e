/** The simulator's MQTT 5 adapter (the only Paho code): one client per simulated device, with its own account. */
package dev.warden.sim.mqtt;
