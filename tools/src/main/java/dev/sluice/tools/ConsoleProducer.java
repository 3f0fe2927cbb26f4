package dev.sluice.tools;

import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.ByteArraySerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each line of standard input as a record, in the conventions of Kafka's
 * {@code kafka-console-producer}.
 *
 * <pre>
 * console-producer --bootstrap-server HOST:PORT --topic T
 *                  [--property parse.key=true] [--property key.separator=:]
 *                  [--producer-property k=v ...] [--producer.config FILE]
 * </pre>
 *
 * With {@code parse.key=true} the text before the first separator (a tab by default) is the key.
 * A line without the separator is an error reported on stderr, and the tool goes on.
 */
public final class ConsoleProducer {
    private ConsoleProducer() {
    }

    /** Parsed command line. */
    record Options(String topic, Properties producerProps, boolean parseKey, String keySeparator) {
    }

    public static void main(final String[] args) throws IOException {
        final Options options;
        try {
            options = parse(args);
        } catch (final IllegalArgumentException e) {
            System.err.println("console-producer: " + e.getMessage());
            System.err.println("usage: console-producer --bootstrap-server HOST:PORT --topic T [--property parse.key=true]"
                + " [--property key.separator=SEP] [--producer-property k=v ...] [--producer.config FILE]");
            System.exit(2);
            return;
        }
        final long failed = run(options, System.in, System.err);
        System.exit(failed == 0 ? 0 : 1);
    }

    static Options parse(final String[] args) throws IOException {
        String topic = null;
        String bootstrap = null;
        final Properties props = new Properties();
        final Properties inline = new Properties();
        boolean parseKey = false;
        String separator = "\t";
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            switch (arg) {
                case "--topic" -> topic = value(args, ++i, arg);
                case "--bootstrap-server" -> bootstrap = value(args, ++i, arg);
                case "--producer.config" -> {
                    try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(value(args, ++i, arg)))) {
                        props.load(in);
                    }
                }
                case "--producer-property" -> putKeyValue(inline, value(args, ++i, arg), arg);
                case "--property" -> {
                    final Properties reader = new Properties();
                    putKeyValue(reader, value(args, ++i, arg), arg);
                    if (reader.containsKey("parse.key")) {
                        parseKey = Boolean.parseBoolean(reader.getProperty("parse.key"));
                    }
                    if (reader.containsKey("key.separator")) {
                        separator = reader.getProperty("key.separator");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        props.putAll(inline);
        if (topic == null) {
            throw new IllegalArgumentException("--topic is required");
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-server is required");
        }
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("key.separator must not be empty");
        }
        props.put("bootstrap.servers", bootstrap);
        return new Options(topic, props, parseKey, separator);
    }

    private static void putKeyValue(final Properties target, final String kv, final String flag) {
        final int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(flag + " takes key=value, not " + kv);
        }
        target.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    private static String value(final String[] args, final int i, final String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** Sends every line of {@code in}; returns how many records failed. */
    static long run(final Options options, final InputStream in, final PrintStream err) throws IOException {
        final AtomicLong failed = new AtomicLong();
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(options.producerProps(),
            new ByteArraySerializer(), new ByteArraySerializer());
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                byte[] key = null;
                String value = line;
                if (options.parseKey()) {
                    final int at = line.indexOf(options.keySeparator());
                    if (at < 0) {
                        err.println("line " + lineNumber + ": no key separator '" + options.keySeparator()
                            + "' found; skipped");
                        failed.incrementAndGet();
                        continue;
                    }
                    key = line.substring(0, at).getBytes(StandardCharsets.UTF_8);
                    value = line.substring(at + options.keySeparator().length());
                }
                final long n = lineNumber;
                producer.send(new ProducerRecord<>(options.topic(), key, value.getBytes(StandardCharsets.UTF_8)),
                    (metadata, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                            err.println("line " + n + " failed: " + error);
                        }
                    });
            }
            producer.flush();
        }
        return failed.get();
    }
}
