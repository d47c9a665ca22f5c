#!/usr/bin/env python3
"""A labeled set of the shape of Splink's historical_50k: about ten records per person, most without a birth date
or postcode by the last copies, names nicknamed, misspelled or replaced by a title's name, postcodes of the next
block, birth places from London to a village, and a titled person's name cut to "sir" and "baronet" now and then
(the whole name kept as fullName). Its numbers follow what is published of that set (50,578 records of 5,156
people, 59 true pairs a person; first name on 99.9% of records, surname 91%, birth date and postcode 77%, birth
place 86%, "sir" as a first name 2.5%); its values are made up here. For `bin/hub eval --from DIR` and
`bench/crosswalk.sh DIR`.

Usage: bench/many_copies.py [--persons 3000] [--seed 11] [--out /tmp/many-copies] [--attributes]
"""
import argparse
import datetime
import json
import os
import random

GIVEN = [("john", 30), ("william", 25), ("thomas", 20), ("james", 20), ("george", 15), ("charles", 15),
         ("henry", 15), ("richard", 12), ("robert", 12), ("edward", 12), ("mary", 12), ("elizabeth", 12),
         ("anne", 10), ("margaret", 8), ("sarah", 6), ("jane", 6), ("francis", 6), ("samuel", 6), ("joseph", 6),
         ("david", 5), ("peter", 5), ("arthur", 5), ("frederick", 5), ("alfred", 4), ("walter", 4), ("hugh", 4),
         ("benjamin", 3), ("catherine", 4), ("alice", 3), ("eleanor", 3), ("isabella", 2), ("matthew", 3),
         ("nicholas", 3), ("christopher", 3), ("philip", 3), ("stephen", 2), ("andrew", 3), ("michael", 2),
         ("ralph", 2), ("roger", 2), ("edmund", 2), ("herbert", 2), ("harold", 2), ("ernest", 2), ("albert", 2),
         ("lewis", 2), ("daniel", 2), ("patrick", 2), ("alexander", 3), ("archibald", 1), ("horace", 1),
         ("cuthbert", 1), ("percy", 1), ("reginald", 1), ("cecil", 1), ("agnes", 1), ("emily", 2),
         ("charlotte", 2), ("louisa", 1), ("harriet", 1), ("florence", 1), ("edith", 1), ("ada", 1),
         ("beatrice", 1), ("dorothy", 1), ("violet", 1)]
NICKNAMES = {"john": ["jack", "johnny"], "william": ["bill", "will", "billy"], "thomas": ["tom", "tommy"],
             "james": ["jim", "jimmy"], "charles": ["charlie", "chas"], "henry": ["harry", "hal"],
             "richard": ["dick", "rick"], "robert": ["bob", "rob", "bobby"], "edward": ["ed", "ted", "ned"],
             "elizabeth": ["liz", "beth", "betsy", "eliza"], "margaret": ["maggie", "peggy", "meg"],
             "francis": ["frank"], "samuel": ["sam"], "joseph": ["joe"], "david": ["dave"], "peter": ["pete"],
             "frederick": ["fred"], "alfred": ["alf", "fred"], "benjamin": ["ben"], "catherine": ["kate", "kitty"],
             "matthew": ["matt"], "nicholas": ["nick"], "christopher": ["chris", "kit"], "philip": ["phil"],
             "andrew": ["andy"], "michael": ["mike"], "daniel": ["dan"], "alexander": ["alex", "sandy"],
             "anne": ["annie", "nan"], "mary": ["polly", "molly"]}
SURNAMES = ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "robinson", "wright",
            "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson", "clarke",
            "clifford", "howard", "percy", "neville", "stanley", "russell", "cavendish", "spencer", "grey", "seymour",
            "herbert", "courtenay", "talbot", "somerset", "manners", "cecil", "villiers", "fiennes", "stewart",
            "campbell", "murray", "hamilton", "douglas", "gordon", "scott", "kerr", "montagu", "paget", "bentinck",
            "pelham", "legge", "harley", "temple", "grenville", "lyttelton", "pitt", "fox", "north", "wyndham",
            "egerton", "bourke", "butler", "fitzgerald", "o'brien", "macdonald", "mackenzie", "fraser", "baker",
            "carter", "cooper", "harris", "king", "lee", "martin", "moore", "morgan", "parker", "turner", "ward",
            "watson", "young", "allen", "bell", "cook", "edwards", "hill", "hughes", "hunt", "lewis", "mitchell",
            "phillips", "price", "shaw", "stevens", "webb", "bailey", "ashby", "blackwood", "coleridge", "darnley",
            "ellsworth", "fairfax", "gresham", "hawthorne", "ingram", "jellicoe", "kingsley", "lockhart", "marlowe",
            "northcote", "ormsby", "pembroke", "quarles", "rutherford", "sackville", "tennyson", "upton", "vaughan",
            "whitbread", "yelverton", "abercrombie", "beaumont", "chichester"]
# common surnames first: the first ten weigh 41, the next ten 21, ...
SURNAME_WEIGHTS = [(s, 40 // (i // 10 + 1) + 1) for i, s in enumerate(SURNAMES)]
# birth places: London a fifth of the people, then 315 towns (historical_50k has 2,373 birth places, London first)
TOWN_HEADS = ["ash", "bar", "chel", "dun", "ever", "fal", "glen", "hart", "ips", "kel", "lud", "mar", "nor", "ock",
              "pen", "ros", "sal", "tiv", "ux", "wal", "yar"]
TOWN_TAILS = ["ton", "ham", "ford", "bury", "wick", "ley", "field", "stow", "worth", "by", "cester", "mouth", "bridge",
              "pool", "thorpe"]
TOWNS = [h + t for h in TOWN_HEADS for t in TOWN_TAILS]
PLACES = [("london", "SW")] * 80 + [(t, t[:2].upper()) for t in TOWNS]
# --attributes: each person's occupations (one to three, the first theirs on most records) and gender, sent in
# "attributes" as historical_50k's own columns would be; later copies lose or change them, as that set's do
OCCUPATIONS = ["politician", "priest", "writer", "painter", "soldier", "lawyer", "cricketer", "judge", "merchant",
               "physician", "poet", "architect", "composer", "actor", "engineer", "teacher", "historian",
               "botanist", "banker", "naval officer", "diplomat", "publisher", "sculptor", "journalist", "surgeon",
               "mathematician", "astronomer", "chemist", "explorer", "footballer", "rower", "jockey", "farmer",
               "brewer", "printer", "organist", "antiquarian", "landowner", "barrister", "bishop"]
OCCUPATION_WEIGHTS = [(o, 1.0 / (i + 1)) for i, o in enumerate(OCCUPATIONS)]
FEMALE = {"mary", "elizabeth", "anne", "margaret", "sarah", "jane", "catherine", "alice", "eleanor", "isabella",
          "agnes", "emily", "charlotte", "louisa", "harriet", "florence", "edith", "ada", "beatrice", "dorothy",
          "violet"}
LETTERS = "abcdefghijklmnopqrstuvwxyz"
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class People:
    def __init__(self, seed, attributes=False):
        self.rnd = random.Random(seed)
        # a stream of its own, so that the set without attributes stays the same for a seed
        self.extra = random.Random(seed + 1) if attributes else None

    def weighted(self, pairs):
        r = self.rnd.uniform(0, sum(w for _, w in pairs))
        for value, w in pairs:
            r -= w
            if r <= 0:
                return value
        return pairs[-1][0]

    def typo(self, s):
        if len(s) < 3:
            return s
        i, k = self.rnd.randrange(len(s)), self.rnd.random()
        if k < .3:
            return s[:i] + s[i + 1:]
        if k < .6:
            return s[:i] + self.rnd.choice(LETTERS) + s[i + 1:]
        if k < .8 and i < len(s) - 1:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        return s[:i] + self.rnd.choice(LETTERS) + s[i:]

    def postcode(self, area):
        return "%s%d %d%s%s" % (area, self.rnd.randint(1, 30), self.rnd.randint(1, 9),
                                self.rnd.choice(UNIT_LETTERS), self.rnd.choice(UNIT_LETTERS))

    def next_block(self, postcode):
        outward, inward = postcode.split(" ")
        return "%s %s%s%s" % (outward, inward[0], self.rnd.choice(UNIT_LETTERS), self.rnd.choice(UNIT_LETTERS))

    def person(self, n):
        city, area = self.rnd.choice(PLACES)
        born = "%04d-%02d-%02d" % (self.rnd.randint(1500, 1960), self.rnd.randint(1, 12), self.rnd.randint(1, 28))
        return {"id": "Q%d" % (100000 + n), "given": self.weighted(GIVEN), "family": self.weighted(SURNAME_WEIGHTS),
                # one in ten holds a title and is known by its name too
                "title": self.weighted(SURNAME_WEIGHTS) if self.rnd.random() < .1 else None,
                "born": born, "city": city, "postcode": self.postcode(area)}

    def copy(self, p, k, n):
        """The k-th record of a person with n: the first as is, then more errors and gaps with each copy."""
        rnd = self.rnd
        t = k / max(n - 1, 1) if k else 0
        damaged, gone = (0.1 + 0.5 * t, 0.5 * t) if k else (0, 0)
        given, family, born, postcode = p["given"], p["family"], p["born"], p["postcode"]
        if rnd.random() < damaged:
            r = rnd.random()
            if r < .5 and given in NICKNAMES:
                given = rnd.choice(NICKNAMES[given])
            elif r < .8:
                given = self.typo(given)
        if rnd.random() < damaged:
            family = p["title"] if rnd.random() < .4 and p["title"] else self.typo(family)
        if k and rnd.random() < 0.3 * damaged:
            if rnd.random() < .7:
                y, m, d = map(int, born.split("-"))
                born = "%04d-%02d-%02d" % (y, m, min(28, max(1, d + rnd.choice([-3, -2, -1, 1, 2, 3]))))
            else:
                i = rnd.choice([2, 3, 5, 6, 8, 9])
                born = born[:i] + str(rnd.randrange(10)) + born[i + 1:]
        if k and rnd.random() < .6:
            postcode = self.next_block(postcode)
        rec = {"source": "people", "sourceId": "%s-%d" % (p["id"], k + 1), "kind": "person",
               "fullName": "%s %s" % (given, family)}
        if p["title"] and rnd.random() < .3:
            # a register that cut "sir john smith, 1st baronet" at its first and last words
            rec["fullName"] = "sir %s %s, 1st baronet" % (given, family)
            given, family = "sir", "baronet"
        if rnd.random() >= 0.001:
            rec["givenName"] = given
        if rnd.random() >= 0.09:
            rec["familyName"] = family
        if rnd.random() >= gone and is_date(born):
            rec["birthDate"] = born
        address = {}
        if rnd.random() >= 0.14:
            address["city"] = p["city"]
        if rnd.random() >= gone:
            address["postcode"] = postcode
        if address:
            address["country"] = "GB"
            rec["addresses"] = [address]
        if self.extra:
            self.attributes(p, rec, damaged, gone)
        return rec

    def attributes(self, p, rec, damaged, gone):
        x = self.extra
        if "occupations" not in p:
            p["occupations"] = [self.pick(OCCUPATION_WEIGHTS, x) for _ in range(x.choice([1, 1, 1, 2, 2, 3]))]
        attributes = {}
        if x.random() >= 0.1:
            attributes["gender"] = "female" if p["given"] in FEMALE else "male"
        if x.random() >= gone:
            jobs = p["occupations"]
            attributes["occupation"] = x.choice(jobs[1:]) if len(jobs) > 1 and x.random() < damaged else jobs[0]
        if attributes:
            rec["attributes"] = attributes

    @staticmethod
    def pick(pairs, rnd):
        r = rnd.uniform(0, sum(w for _, w in pairs))
        for value, w in pairs:
            r -= w
            if r <= 0:
                return value
        return pairs[-1][0]

    def copies(self):
        return max(1, min(31, int(round(self.rnd.gauss(10, 5.5)))))


def is_date(text):
    try:
        datetime.date(*map(int, text.split("-")))
        return True
    except ValueError:
        return False


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--persons", type=int, default=3000)
    args.add_argument("--seed", type=int, default=11)
    args.add_argument("--out", default="/tmp/many-copies")
    args.add_argument("--attributes", action="store_true", help="gender and occupations in attributes")
    a = args.parse_args()
    os.makedirs(a.out, exist_ok=True)
    gen = People(a.seed, a.attributes)
    people = [gen.person(n) for n in range(a.persons)]
    records = pairs = 0
    with open(os.path.join(a.out, "people.ndjson"), "w") as out, open(os.path.join(a.out, "truth.csv"), "w") as truth:
        truth.write("source,sourceId,entityId\n")
        for p in people:
            n = gen.copies()
            pairs += n * (n - 1) // 2
            for k in range(n):
                rec = gen.copy(p, k, n)
                out.write(json.dumps(rec) + "\n")
                truth.write("people,%s,%s\n" % (rec["sourceId"], p["id"]))
                records += 1
    print("%d records of %d persons (%d true pairs) in %s" % (records, a.persons, pairs, a.out))


if __name__ == "__main__":
    main()
