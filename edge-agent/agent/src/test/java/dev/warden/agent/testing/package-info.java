/**
 * Test fixtures shared by the agent's tests and, through the agent's test-jar, by the simulator's
 * driver-against-device tests: an embedded MQTT broker and test client, fake and held controllers, recording
 * doors, agent events and device events ({@link dev.warden.agent.testing.RecordingDeviceEvents}).
 */
package dev.warden.agent.testing;
