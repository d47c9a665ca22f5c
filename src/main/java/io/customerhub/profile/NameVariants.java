package io.customerhub.profile;

import java.util.List;

/**
 * What survivorship knows of given names: the formal names a nickname stands for (bill → william), so that a
 * record saying "Bill" backs the "William" another record gives instead of outvoting it. Names are compared in
 * {@link Normalize#name} form.
 */
@FunctionalInterface
public interface NameVariants {

  /** Knows no nicknames. */
  NameVariants NONE = name -> List.of();

  /** The formal names {@code name} is a nickname of; empty when none. */
  List<String> formalNames(String name);
}
