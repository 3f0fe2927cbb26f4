package dev.sluice.samples.support;

import java.io.PrintStream;
import java.util.Map;

/**
 * One load run: {@code records} {@link ShopEvents} from {@code seed} into {@code topic}, with the
 * given client settings on top of the clients' defaults (kafka-clients' names and defaults).
 *
 * @param bootstrapServers   the cluster, {@code host:port[,host:port...]}
 * @param topic              a topic only this run writes to (verification reads its offset range back)
 * @param records            events to produce, at least 1
 * @param seed               seed of the event stream; the verifier regenerates it
 * @param producerSettings   producer settings beyond the defaults
 * @param consumerSettings   consumer settings beyond the defaults
 * @param progress           where progress lines go (stderr in the programs)
 */
public record LoadSettings(String bootstrapServers, String topic, int records, long seed,
                           Map<String, Object> producerSettings, Map<String, Object> consumerSettings,
                           PrintStream progress) {
    /**
     * The most events one run takes: the verifier keeps 8 bytes per event, 160 MB at this count,
     * which fits the 1 GB heap {@code bin/samples-run} gives next to the producer's buffers.
     */
    public static final int MAX_RECORDS = 20_000_000;

    public LoadSettings {
        if (records < 1 || records > MAX_RECORDS) {
            throw new IllegalArgumentException("records must be between 1 and " + MAX_RECORDS + ", not " + records);
        }
        producerSettings = Map.copyOf(producerSettings);
        consumerSettings = Map.copyOf(consumerSettings);
    }
}
