/** The simulator's YAML configuration: its shape, full validation (errors name the field) and the validated records. */
package dev.warden.sim.config;
