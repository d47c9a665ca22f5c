package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.NameGroups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerhub.resolve.standardize.StandardizerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything about matching that is configuration, decoded once from conf/matching.json (see the comments
 * there). Missing entries take the defaults of {@link #defaults()}; values are validated here so that a bad
 * file fails at start, not in the middle of a batch.
 *
 * @param standardizer      standardization and the blocking rules stored with every record
 * @param maxBlockSize      blocks larger than this are not paired all-with-all but by sorted neighbourhood
 * @param blockWindow       neighbours each record of an oversized block is paired with
 * @param mergeProbability  match probability at or above which a pair merges
 * @param reviewProbability match probability at or above which a pair goes to review
 * @param nameNear          Jaro-Winkler from which names count as NEAR (one typo)
 * @param nameSimilar       Jaro-Winkler from which names count as SIMILAR
 * @param tfMinimum         floor of a term frequency, so that a unique value does not weigh infinitely
 * @param maxClusterSize    the cluster guard's size limit for a merge
 * @param maxIterations     EM iterations per training session
 * @param randomPairs       random pairs drawn to estimate u probabilities
 * @param maxTrainingPairs  candidate pairs used for EM at most (sampled beyond)
 * @param maxTrainingRecords stored records a training reads at most: beyond, a uniform sample of that many
 * @param nicknames         given-name groups (conf/nicknames.txt)
 * @param surnames          family names spelled otherwise in another romanization (conf/surname-variants.txt)
 */
public record MatchingConfig(StandardizerConfig standardizer, int maxBlockSize, int blockWindow,
                             double mergeProbability, double reviewProbability, double nameNear, double nameSimilar,
                             double tfMinimum, int maxClusterSize, int maxIterations, int randomPairs,
                             int maxTrainingPairs, int maxTrainingRecords, NameGroups nicknames,
                             NameGroups surnames) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public MatchingConfig {
    require(maxBlockSize >= 2, "blocking.maxBlockSize must be at least 2");
    require(blockWindow >= 1, "blocking.window must be at least 1");
    require(reviewProbability > 0 && reviewProbability <= mergeProbability && mergeProbability < 1,
        "decision: 0 < reviewProbability <= mergeProbability < 1");
    require(nameSimilar > 0 && nameSimilar <= nameNear && nameNear < 1, "compare: 0 < nameSimilar <= nameNear < 1");
    require(tfMinimum > 0 && tfMinimum < 1, "compare.tfMinimum must be in (0, 1)");
    require(maxClusterSize >= 2, "guard.maxClusterSize must be at least 2");
    require(maxIterations >= 1 && randomPairs >= 100 && maxTrainingPairs >= 100 && maxTrainingRecords >= 1000,
        "training limits too small");
    if (nicknames == null) nicknames = NameGroups.none();
    if (surnames == null) surnames = NameGroups.none();
  }

  private static void require(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException("matching configuration: " + message);
  }

  /** Sensible settings without a file (no nicknames). */
  public static MatchingConfig defaults() {
    return new MatchingConfig(StandardizerConfig.defaults(), 300, 20, 0.95, 0.60, 0.92, 0.82, 1e-5, 200, 30,
        200_000, 2_000_000, 250_000, NameGroups.none(), NameGroups.none());
  }

  /** Reads conf/matching.json; the name files it names are resolved against the same directory. */
  public static MatchingConfig load(Path file) {
    MatchingFile content;
    try {
      content = MatchingFile.of(JSON.readTree(Files.readString(file)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) { // said in one line, not as a stack trace
      throw new IllegalArgumentException(file + ": is not JSON: " + e.getOriginalMessage() + " (line "
          + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read matching configuration " + file, e);
    }
    try {
      return fromFile(content, groups(content, "nicknames", file), groups(content, "surnameVariants", file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a name file of " + file, e);
    }
  }

  private static NameGroups groups(MatchingFile content, String entry, Path file) throws IOException {
    String name = content.text(entry, null);
    return name == null ? NameGroups.none() : NameGroups.load(file.resolveSibling(name));
  }

  static MatchingConfig fromJson(JsonNode root, NameGroups nicknames, NameGroups surnames) {
    return fromFile(MatchingFile.of(root), nicknames, surnames);
  }

  private static MatchingConfig fromFile(MatchingFile f, NameGroups nicknames, NameGroups surnames) {
    MatchingConfig d = defaults();
    StandardizerConfig s = new StandardizerConfig(
        f.text("standardize", "defaultRegion", d.standardizer.defaultRegion()),
        f.flag("standardize", "stripGmailDots", false), f.names("blocking", "rules"),
        f.names("blocking", "batchRules"), nicknames);
    return new MatchingConfig(s,
        f.whole("blocking", "maxBlockSize", d.maxBlockSize), f.whole("blocking", "window", d.blockWindow),
        f.number("decision", "mergeProbability", d.mergeProbability),
        f.number("decision", "reviewProbability", d.reviewProbability),
        f.number("compare", "nameNear", d.nameNear), f.number("compare", "nameSimilar", d.nameSimilar),
        f.number("compare", "tfMinimum", d.tfMinimum), f.whole("guard", "maxClusterSize", d.maxClusterSize),
        f.whole("training", "maxIterations", d.maxIterations), f.whole("training", "randomPairs", d.randomPairs),
        f.whole("training", "maxPairs", d.maxTrainingPairs), f.whole("training", "maxRecords", d.maxTrainingRecords),
        nicknames, surnames);
  }

  public MatchingConfig withNicknames(NameGroups n) {
    return new MatchingConfig(standardizer.withNicknames(n),
        maxBlockSize, blockWindow, mergeProbability, reviewProbability, nameNear, nameSimilar, tfMinimum,
        maxClusterSize, maxIterations, randomPairs, maxTrainingPairs, maxTrainingRecords, n, surnames);
  }

  public MatchingConfig withThresholds(double merge, double review) {
    return new MatchingConfig(standardizer, maxBlockSize, blockWindow, merge, review, nameNear, nameSimilar,
        tfMinimum, maxClusterSize, maxIterations, randomPairs, maxTrainingPairs, maxTrainingRecords, nicknames,
        surnames);
  }
}
