/**
 * The simulated devices: readers behind the edge agent ({@link dev.warden.sim.device.SimReader}), lock relays
 * ({@link dev.warden.sim.device.SimLock}), door contacts ({@link dev.warden.sim.device.SimContact}) and standalone
 * readers that talk to the controller ({@link dev.warden.sim.device.StandaloneReader}). They reach the broker only
 * through the {@link dev.warden.sim.device.DeviceNetwork} port.
 */
package dev.warden.sim.device;
