"""graph.ttl, graph.nt and graph.jsonld hold the same triples (rdflib; numbers and booleans
compared by value, since JSON-LD writes 0.9 as "9.0E-1"^^xsd:double).

usage: /usr/bin/python3 rdf_same_triples.py OUT
"""
import sys

import rdflib
from rdflib import Literal

NUMERIC = ("#double", "#integer", "#boolean")


def triples(path, fmt):
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    out = set()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype is not None and str(o.datatype).endswith(NUMERIC):
            o = (o.toPython(), str(o.datatype))
        out.add((s, p, o))
    return out


out = sys.argv[1]
ttl = triples(out + "/graph.ttl", "turtle")
for name, fmt in (("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
    other = triples(out + "/" + name, fmt)
    if other != ttl:
        for t in list(ttl - other)[:5]:
            print("  only in graph.ttl:", t, file=sys.stderr)
        for t in list(other - ttl)[:5]:
            print(f"  only in {name}:", t, file=sys.stderr)
        sys.exit(f"rdf FAIL: {name} and graph.ttl differ ({len(ttl ^ other)} triples)")
print(f"rdf ok: graph.ttl, graph.nt and graph.jsonld hold the same {len(ttl)} triples (rdflib)")
