package io.strikeswarm.persistence;

/**
 * Marker for every message, event and snapshot that may leave the JVM or reach the journal.
 * Bound to Pekko's {@code jackson-cbor} serializer in {@code serialization.conf}; Java serialization is off.
 */
public interface CborSerializable {}
