/**
 * The door logic of the agent, free of MQTT and files: a read becomes a question to the controller and the
 * answer drives the lock and the reader ({@link dev.warden.agent.door.AccessFlow}), device state reports become
 * door events ({@link dev.warden.agent.door.DoorStates}), controller commands are executed
 * ({@link dev.warden.agent.door.DoorCommands}). It reaches the outside only through ports named by intent:
 * {@link dev.warden.agent.door.AskController}, {@link dev.warden.agent.door.DriveDoor},
 * {@link dev.warden.agent.door.DecodeWiegand} and {@link dev.warden.agent.event.RecordEvent}.
 */
package dev.warden.agent.door;
