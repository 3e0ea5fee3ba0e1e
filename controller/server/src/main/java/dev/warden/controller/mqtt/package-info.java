/**
 * The controller's MQTT side: device accounts ({@link dev.warden.controller.mqtt.MqttAccounts}, table
 * {@code mqtt_account}) and their topic ACLs ({@link dev.warden.controller.mqtt.DeviceAcls},
 * {@link dev.warden.controller.mqtt.TopicFilters}); the one Paho v5 client of the controller
 * ({@link dev.warden.controller.mqtt.ControllerMqttClient}); the inbound adapters
 * ({@link dev.warden.controller.mqtt.MqttIngress}: reader reads and agent access requests are decided by
 * {@code decision.ReaderDecisions} and answered, agent events go to {@code event.AgentEventIngestion} (retried or
 * classified as poison by {@link dev.warden.controller.mqtt.EventStorage}), agent status to
 * {@code event.AgentPresence}); door commands out ({@link dev.warden.controller.mqtt.DoorCommandPublisher}); and the
 * counters ({@link dev.warden.controller.mqtt.MqttIngressStats}, {@code GET /api/v1/mqtt/stats}).
 *
 * <p>Paho types never leave this package's client class; the ports it offers take plain Java types and contract
 * records. The wire contract is specified for devices in {@code docs/mqtt-contract.md} and {@code docs/asyncapi.yaml}.
 * Configuration: {@link dev.warden.controller.mqtt.MqttSettings} ({@code warden.mqtt.*}).
 */
package dev.warden.controller.mqtt;
