package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * What a round trip left behind when its sell leg did not happen: {@code amount} of the route's other token, to be
 * sold back to the home token before the bot starts anything new.
 */
public record Stranded(long arbId, ArbRoute route, BigInteger amount) implements CborSerializable {}
