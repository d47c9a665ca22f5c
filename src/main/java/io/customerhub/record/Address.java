package io.customerhub.record;

/** A postal address as a source gave it; any field may be null, any script is allowed. */
public record Address(String line1, String line2, String city, String region, String postcode, String country) {

  public boolean isEmpty() {
    return line1 == null && line2 == null && city == null && region == null && postcode == null && country == null;
  }
}
