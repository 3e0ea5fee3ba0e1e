/**
 * The agent's configuration file: its YAML shape, full validation at start (errors name the field), and the
 * validated records the rest of the agent is built from.
 */
package dev.warden.agent.config;
