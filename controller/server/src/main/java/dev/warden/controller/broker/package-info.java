/**
 * The MQTT 5 broker embedded in the controller (HiveMQ CE): its lifecycle ({@link
 * dev.warden.controller.broker.EmbeddedBroker}), its generated {@code config.xml}, and its security extension —
 * no anonymous clients, device passwords checked against {@link dev.warden.controller.mqtt.MqttAccounts}, every
 * publish, will and subscription confined to the account's topic filters, denials logged and counted. The
 * controller's own client gets an internal full-access account whose secret lives only in memory.
 *
 * <p>This package depends on {@code dev.warden.controller.mqtt} (accounts, stats, the {@code LocalBroker} port it
 * implements); nothing in {@code mqtt} depends on this package, so the controller runs the same against an external
 * broker. Specified for devices in {@code docs/mqtt-contract.md}.
 */
package dev.warden.controller.broker;
