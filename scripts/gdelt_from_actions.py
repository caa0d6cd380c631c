#!/usr/bin/env python3
"""Writes the actions of an actions CSV (as ../shared/bench/gen_actions.py makes them) as a
GDELT 2.0 event export: one tab-separated record of 61 columns per action, code 161, the
action's count as NumMentions, so that `diplograph stats --weight mentions EXPORT` does the
same work and gives the same link statistics as `diplograph stats ACTIONS.csv`. Each action's
source S<n> becomes the URL https://news.example/S<n>, so both files name the same 40
sources; `--url-per-event` gives each event a URL of its own instead, as GDELT nearly does.

The other fields are filled as GDELT fills them (names, actor types, three geographies), so a
record is as long as a real one (about 350 bytes). The values are made up: no GDELT row is
copied. Used by BENCHMARKS.md's event-data figures:

    python3 scripts/gdelt_from_actions.py DATA/actions.csv DATA/events.export.CSV
    python3 scripts/gdelt_from_actions.py --url-per-event DATA/actions.csv DATA/urls.export.CSV
"""

import csv
import sys


def geography(name, country, lat, lon, feature):
    return ["4", name, country, country + "00", "", lat, lon, feature]


def records(actions, url_per_event):
    for row, action in enumerate(actions):
        day = action["date"].replace("-", "")
        actor, target = action["actor"], action["target"]
        mentions = action["count"] or "0"
        fields = [
            str(500_000_000 + row), day, day[:6], day[:4], day[:4] + ".2274",
            actor + "GOV", "GOVERNMENT OF " + actor, actor, "", "", "", "", "GOV", "", "",
            target + "GOV", "GOVERNMENT OF " + target, target, "", "", "", "", "GOV", "", "",
            "1", "161", "161", "16", "4", "-4.0", mentions, "1", mentions, "-3.12500000000",
        ]
        fields += geography("Capital, " + actor, actor, "51.5", "-0.117", "-2601889")
        fields += geography("Capital, " + target, target, "55.75", "37.6167", "-2960561")
        fields += geography("Capital, " + target, target, "55.75", "37.6167", "-2960561")
        url = "https://news.example/" + action["source"]
        fields += [day + "120000", url + ("/%d" % row if url_per_event else "")]
        assert len(fields) == 61
        yield "\t".join(fields) + "\n"


def main():
    arguments = sys.argv[1:]
    url_per_event = "--url-per-event" in arguments
    source, destination = [a for a in arguments if a != "--url-per-event"]
    with open(source, newline="") as inp, open(destination, "w") as out:
        batch = []
        for line in records(csv.DictReader(inp), url_per_event):
            batch.append(line)
            if len(batch) == 100_000:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))


if __name__ == "__main__":
    main()
