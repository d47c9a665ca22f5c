package io.customerhub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.customerhub.profile.Profile;

/** Profiles as stored (the full record, for recomputation) and as served (the contract's view), in JSON. */
public final class ProfileCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ProfileCodec() {
  }

  /**
   * Without lineage: it repeats every member's values (most of a stored body) and is derived from the members
   * whenever it is asked for ({@link ProfileStore#withLineage}).
   */
  public static String toStored(Profile profile) {
    return write(profile.withLineage(null));
  }

  public static Profile fromStored(String json) {
    try {
      return MAPPER.readValue(json, Profile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored profile does not decode: " + e.getOriginalMessage(), e);
    }
  }

  /** The answer of {@code GET /api/v1/profiles/{id}}. */
  public static String toView(Profile profile, boolean lineage) {
    return write(profile.toView(lineage));
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
