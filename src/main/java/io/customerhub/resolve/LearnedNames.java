package io.customerhub.resolve;

import io.customerhub.profile.NameKnowledge;
import io.customerhub.resolve.match.Field;
import io.customerhub.resolve.standardize.NameGroups;

import java.util.List;

/**
 * What matching knows of names, lent to survivorship: the nickname table (conf/nicknames.txt) and how often the
 * records this node has counted give a word as a given or a family name (the term frequencies matching weighs
 * agreements by).
 */
public final class LearnedNames implements NameKnowledge {

  private final NameGroups nicknames;
  private final MatchEngine engine;

  public LearnedNames(NameGroups nicknames, MatchEngine engine) {
    this.nicknames = nicknames;
    this.engine = engine;
  }

  @Override
  public List<String> formalNames(String name) {
    return nicknames.formalNames(name);
  }

  @Override
  public long asGivenName(String name) {
    return engine.count(Field.GIVEN_NAME, name);
  }

  @Override
  public long asFamilyName(String name) {
    return engine.count(Field.FAMILY_NAME, name);
  }
}
