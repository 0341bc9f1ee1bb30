// Ten questions about the seed corpus (../shared/corpus/seeds), answered in README.md.
// kgmill build ../shared/corpus/seeds -o out/seeds && kgmill query out/seeds -f examples/seed_questions.cypher

// 1. Which companies has HUST signed agreements with, and when?
MATCH (:University {name: 'Hanoi University of Science and Technology'})-[s:SIGNED_AGREEMENT_WITH]-(c:Company)
RETURN c.name AS company, s.date AS date ORDER BY company;
// 2. Who leads the institutions that visited Peking University?
MATCH (v)-[:VISITED]->(:University {name: 'Peking University'})
MATCH (p:Person)-[h:HOLDS_POSITION]->(v)
RETURN p.name AS person, h.role AS role, v.name AS institution;
// 3. Which universities belong to more than one network?
MATCH (u:University)-[:MEMBER_OF]->(n:Network)
WITH u, collect(n.name) AS networks WHERE size(networks) > 1
RETURN u.name AS university, networks;
// 4. What is the shortest chain from VLUTE to Tsinghua University?
MATCH (a), (b {name: 'Tsinghua University'}) WHERE 'VLUTE' IN a.aliases
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS chain;
// 5. Which countries does the Vietnam Academy of Social Sciences cooperate with?
MATCH (v {name: 'Vietnam Academy of Social Sciences'})-[:COOPERATES_WITH]->(c:Country)
RETURN c.name AS country ORDER BY country;
// 6. Which events did VNU organise, and what were they about?
MATCH (v {name: 'Vietnam National University, Hanoi'})-[:ORGANIZED]->(e:Event)
OPTIONAL MATCH (e)-[:CONCERNS]->(f:Field)
RETURN e.name AS event, f.name AS field ORDER BY event;
// 7. Which institutions made the most visits, and to how many places?
MATCH (o)-[v:VISITED]->(x) WHERE NOT o:Person
RETURN o.name AS visitor, count(DISTINCT x) AS places ORDER BY places DESC, visitor LIMIT 5;
// 8. What was signed in 2025, by whom, and where is it stated?
MATCH (a)-[s:SIGNED_AGREEMENT_WITH]->(b) WHERE s.date STARTS WITH '2025' AND a.id < b.id
RETURN a.name AS party, b.name AS partner, s.date AS date, s.doc AS source;
// 9. Which units belong to VNU, directly or through a member university?
MATCH (u)-[:PART_OF*1..2]->(v) WHERE matchesName(v, 'DHQGHN')
RETURN u.name AS unit, u.type AS kind ORDER BY unit;
// 10. How many relations of each type does the graph hold, from how many documents?
MATCH ()-[r]->() WITH DISTINCT r
RETURN type(r) AS relation, count(*) AS relations, count(DISTINCT r.doc) AS documents ORDER BY relations DESC, relation;
