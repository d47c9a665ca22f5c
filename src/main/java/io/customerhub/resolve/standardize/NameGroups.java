package io.customerhub.resolve.standardize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups of names that name the same: given names and their nicknames (William, Bill, Billy, Will;
 * conf/nicknames.txt), family names and their other spellings (Chen, Chan, Tan; Lee, Yi, Rhee;
 * conf/surname-variants.txt). One group per line, {@code formal: variant, variant}; '#' starts a comment. A name
 * may sit in several groups (Ally: Alexandra and Allison), so two names are related when they share any group.
 */
public final class NameGroups {

  private static final NameGroups NONE = new NameGroups(Map.of(), List.of());

  private final Map<String, int[]> groups;
  private final List<String> heads;

  private NameGroups(Map<String, int[]> groups, List<String> heads) {
    this.groups = groups;
    this.heads = heads;
  }

  public static NameGroups none() {
    return NONE;
  }

  /** The groups of {@code file}; one it cannot read, or a line that is no group, is refused naming the file. */
  public static NameGroups load(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
    }
    try {
      return parse(lines);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  public static NameGroups parse(List<String> lines) {
    Map<String, List<Integer>> byName = new HashMap<>();
    List<String> heads = new ArrayList<>();
    int group = 0;
    for (int at = 0; at < lines.size(); at++) {
      String raw = lines.get(at);
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip().toLowerCase(Locale.ROOT);
      if (line.isEmpty()) continue;
      // "robert bob bobby" was one name, "robertbobbobby", without a word; a name alone is a group of one
      if (line.indexOf(':') < 0 && line.indexOf(',') < 0 && line.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("line " + (at + 1) + ": '" + line + "' is no group (formal: variant, "
            + "variant)");
      }
      String[] names = line.split("[:,]");
      if (names.length == 0 || names[0].isBlank()) continue; // ":" alone, or ": robert": a group without its name
      heads.add(standard(names[0]));
      for (String name : names) {
        String n = standard(name);
        if (!n.isEmpty()) byName.computeIfAbsent(n, k -> new ArrayList<>()).add(group);
      }
      group++;
    }
    Map<String, int[]> out = new HashMap<>();
    byName.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
    return new NameGroups(Map.copyOf(out), List.copyOf(heads));
  }

  /**
   * A name of the file as given names are compared: Latin letters without accents, no spaces. "zoë: zozo" was kept
   * with its accent and never met the standardized "zoe".
   */
  private static String standard(String name) {
    String latin = Latinizer.latin(name.strip());
    return latin == null ? "" : latin.replace(" ", "");
  }

  /** True when the two (standardized, space-free) given names share a nickname group. */
  public boolean related(String a, String b) {
    int[] ga = groups.get(a);
    if (ga == null) return false;
    int[] gb = groups.get(b);
    if (gb == null) return false;
    for (int x : ga) for (int y : gb) if (x == y) return true;
    return false;
  }

  /** The formal names of the groups this name is in (bill → william), for blocking keys; empty if none. */
  public List<String> formalNames(String name) {
    int[] g = name == null ? null : groups.get(name);
    if (g == null) return List.of();
    List<String> out = new ArrayList<>(g.length);
    for (int i : g) out.add(heads.get(i));
    return out;
  }

  public int size() {
    return groups.size();
  }

  /**
   * Every name with the formal names of its groups, in name order: the same text for two tables that relate the
   * same names however their files are laid out, so that a fingerprint of standardization changes only with them.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (String name : new TreeSet<>(groups.keySet())) {
      sb.append(name).append('=').append(String.join(",", new TreeSet<>(formalNames(name)))).append(';');
    }
    return sb.toString();
  }
}
