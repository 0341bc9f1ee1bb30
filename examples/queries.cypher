// Example openCypher queries over a kgmill cooperation graph,
// e.g. one built from examples/corpus:  kgmill build examples/corpus -o out/
// Node labels = entity types (University, Unit, Network, Person, Country, Agreement, Event, Program, Field …),
// relationship types = relation types of ONTOLOGY.md; property names as in its tables.
// Read-only queries; each ends with a semicolon.

// 1. Which universities signed agreements with whom, and when?
MATCH (a:University)-[r:SIGNED_AGREEMENT_WITH]-(b)
RETURN a.name, b.name, r.date
ORDER BY a.name, r.date;

// 2. Each reified signing: its parties and what it is about.
MATCH (o)-[:PARTY_TO]->(ag:Agreement)
OPTIONAL MATCH (ag)-[:CONCERNS]->(f:Field)
RETURN ag.name AS agreement, collect(DISTINCT o.name) AS parties, collect(DISTINCT f.name) AS fields
ORDER BY agreement;

// 3. Partner countries, ranked by the number of institutions that cooperate with them.
MATCH (o)-[:COOPERATES_WITH]->(c:Country)
RETURN c.name AS country, count(DISTINCT o) AS institutions
ORDER BY institutions DESC, country;

// 4. Members of each network or association.
MATCH (o)-[:MEMBER_OF]->(n:Network)
RETURN n.name AS network, count(o) AS members, collect(o.name) AS member_names
ORDER BY members DESC;

// 5. Organisational hierarchy: every unit or member university and the universities above it (up to 3 levels).
MATCH (u)-[:PART_OF*1..3]->(top:University)
RETURN top.name AS parent, u.type AS kind, u.name AS part
ORDER BY parent, part;

// 6. Who holds which position where.
MATCH (p:Person)-[r:HOLDS_POSITION]->(o)
RETURN p.name, r.role, o.name, o.type
ORDER BY o.name, p.name;

// 7. Delegations and visits in 2025, in date order.
MATCH (v)-[r:VISITED]->(host)
WHERE r.date STARTS WITH '2025'
RETURN r.date, v.name AS visitor, host.name AS host
ORDER BY r.date;

// 8. Events with their organisers (co-organisers included) and participants.
MATCH (e:Event)
OPTIONAL MATCH (org)-[:ORGANIZED]->(e)
OPTIONAL MATCH (att)-[:ATTENDED]->(e)
RETURN e.name AS event, collect(DISTINCT org.name) AS organisers, collect(DISTINCT att.name) AS participants;

// 9. Programmes: who runs them and which fields they concern.
MATCH (o)-[:RUNS]->(p:Program)
OPTIONAL MATCH (p)-[:CONCERNS]->(f:Field)
RETURN p.name AS programme, collect(DISTINCT o.name) AS run_by, collect(DISTINCT f.name) AS fields;

// 10. Plans and hopes only (kept with status planned, never counted as facts).
MATCH (a)-[r]->(b)
WHERE r.status = 'planned'
RETURN type(r) AS relation, a.name, b.name, r.doc, r.sentence;

// 11. Provenance: every statement about one institution, with its source sentence.
MATCH (a:University {name: 'Song Hong University of Technology'})-[r]-(b)
RETURN type(r) AS relation, b.name, r.weight, r.doc, r.sentence
ORDER BY relation;

// 12. Partners of partners: universities two cooperation steps away from Hai Van University.
MATCH (a:University {name: 'Hai Van University'})-[:SIGNED_AGREEMENT_WITH|COOPERATES_WITH]-(m)
      -[:SIGNED_AGREEMENT_WITH|COOPERATES_WITH]-(b:University)
WHERE b <> a
RETURN DISTINCT m.name AS via, b.name AS partner_of_partner;

// 13. Where institutions are: organisations in a city and the city's country.
MATCH (o)-[:LOCATED_IN]->(p:Place)-[:LOCATED_IN]->(c:Country)
RETURN c.name AS country, p.name AS place, collect(o.name) AS organisations
ORDER BY country, place;

// 14. Cross-language entity resolution: the Vietnamese name is an alias of the same node.
MATCH (u:University)
WHERE 'Trường Đại học Công nghệ Sông Hồng' IN u.aliases
RETURN u.name, u.aliases;
