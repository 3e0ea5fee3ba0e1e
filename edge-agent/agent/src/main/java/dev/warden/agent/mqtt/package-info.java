/**
 * The agent's MQTT 5 adapters (the only place Paho is used): one persistent-session connection with Last Will and
 * reconnect, the controller request/response client, the MQTT device driver, the event publisher and the inbound
 * routing to the door logic.
 */
package dev.warden.agent.mqtt;
