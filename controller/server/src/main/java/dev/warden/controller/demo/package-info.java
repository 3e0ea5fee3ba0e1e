/**
 * The demo site: when {@code warden.demo.dir} is set and the database is empty, seeds site DC1 (areas with their
 * rules, doors, schedules, public holidays, access levels, 200 people with H10301 cards, fingerprints for the
 * card + fingerprint cage door, PINs for the card + PIN door, approved visits for the visitors, operators, MQTT
 * accounts) deterministically from a fixed seed, with freshly generated secrets, and writes {@code credentials.txt},
 * {@code pins.txt}, {@code agent.yaml} and {@code sim.yaml} into that folder for the launcher, the edge agent and the
 * simulator (serial buses on pseudo-terminals under {@code dev/}: OSDP readers, a fingerprint module, a Modbus
 * turnstile and an environment sensor).
 */
package dev.warden.controller.demo;
