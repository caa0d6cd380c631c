# Random data sets of 30 actors in 3 overlapping blocs (docs/robustness.md: with --clusters,
# Graphviz 2.43's dot crashed in process on 145 of 150). Usage: random_blocs.py FOLDER COUNT
import json, random, sys
def make(seed, n=30, nblocs=3):
    r = random.Random(seed)
    ids = [f"A{i:02d}" for i in range(n)]
    actors = [{"id": a, "name": f"Actor {a}", "kind": "state"} for a in ids]
    blocs = []
    for b in range(nblocs):
        members = r.sample(ids, r.randint(n//4, n*2//3))
        blocs.append({"id": f"B{b}", "name": f"Bloc {b}", "members": sorted(members)})
    actions = []
    for k in range(r.randint(n, 3*n)):
        a, t = r.sample(ids, 2)
        actions.append({"id": f"x{k}", "actor": a, "target": t, "kind": r.choice(["expulsion","retaliation"]),
                        "count": r.randint(1, 30), "sources": ["s"], "date": f"2020-0{r.randint(1,9)}-1{r.randint(0,9)}"})
    return {"format": "diplograph", "version": 1, "title": f"random {seed}", "actors": actors,
            "blocs": blocs, "actions": actions, "sources": [{"id": "s", "title": "S"}]}
out = sys.argv[1]
for s in range(int(sys.argv[2])):
    json.dump(make(s), open(f"{out}/r{s:03d}.json", "w"))
