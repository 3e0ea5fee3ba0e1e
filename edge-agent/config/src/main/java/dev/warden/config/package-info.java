/**
 * Strict, secret-safe reading of YAML configuration files, shared by the edge agent's and the simulator's loaders:
 * parsing with duplicate-key detection ({@link dev.warden.config.StrictYaml}), typed access to the fields of one
 * mapping with its field path ({@link dev.warden.config.YamlFields}) and the error they report
 * ({@link dev.warden.config.ConfigError}). No message ever quotes the file's text or a value that may be a secret.
 */
package dev.warden.config;
