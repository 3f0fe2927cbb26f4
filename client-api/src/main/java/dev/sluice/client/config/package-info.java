/**
 * Configuration machinery shared by the producer and consumer: {@link dev.sluice.client.config.ConfigDef}
 * declares keys (type, default, validator, importance, documentation), parses user properties into an
 * immutable {@link dev.sluice.client.config.ParsedConfig}, and collects unknown keys instead of failing
 * on them. Errors are {@link dev.sluice.client.errors.ConfigException}s naming key, value and what is allowed.
 */
package dev.sluice.client.config;
