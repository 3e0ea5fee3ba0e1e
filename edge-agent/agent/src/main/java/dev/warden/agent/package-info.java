/**
 * The edge agent deployable: the command line ({@link dev.warden.agent.AgentMain}) and the hand wiring of one
 * running agent ({@link dev.warden.agent.EdgeAgent}). The logic lives in {@code door} and {@code event}; MQTT,
 * files and codecs are adapters in {@code mqtt}, {@code store} and {@code codec}.
 */
package dev.warden.agent;
